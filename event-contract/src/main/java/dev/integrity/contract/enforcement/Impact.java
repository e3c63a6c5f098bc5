package dev.integrity.contract.enforcement;

import java.util.List;

/**
 * The effect an enforcement has (or would have) on the ledger: what it removes from the account,
 * and per receiving account the followers before and after. Sent on {@code enforcement.impact}.
 */
public record Impact(String enforcementId, String accountId, Removed removed, List<ReceiverImpact> receivers) {

    public Impact {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
    }
}
