package dev.integrity.simulator.api;

import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.contract.enforcement.Removed;
import java.util.List;

/**
 * {@code GET /api/v1/accounts/{id}}. {@code groupId} is not in contract v1 but the gateway adds it
 * (the account's lockstep group); when absent, the group is read from the reasons. {@code status}
 * stays the text the API sent (so that an answer is kept as it was); compare through
 * {@link #accountStatus()}.
 */
public record AccountView(String accountId, String status, Double riskScore, String modelVersion, List<String> reasons, int strikes,
        long followerCount, long followingCount, Removed removed, String groupId) {

    public AccountView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        removed = removed == null ? Removed.NONE : removed;
        status = status == null ? AccountStatus.CLEAN.name() : status;
    }

    /** The status as the contract's enum; a value outside the contract is an error, not a guess. */
    public AccountStatus accountStatus() {
        return AccountStatus.valueOf(status);
    }
}
