package dev.integrity.simulator.api;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.Removed;
import java.time.Instant;
import java.util.List;

/**
 * One entry of {@code GET /api/v1/enforcements}. {@code groupId} is an extra the gateway may add.
 * {@code action} and {@code status} stay the text the API sent; compare through
 * {@link #enforcementAction()} and {@link #enforcementStatus()}.
 */
public record EnforcementView(String id, String accountId, String action, String status, List<String> reasons, Removed removed,
        Instant createdAt, String decidedBy, String groupId) {

    public EnforcementView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        removed = removed == null ? Removed.NONE : removed;
    }

    public EnforcementStatus enforcementStatus() {
        return EnforcementStatus.valueOf(status);
    }

    public EnforcementAction enforcementAction() {
        return EnforcementAction.valueOf(action);
    }

    public boolean is(EnforcementStatus s) {
        return enforcementStatus() == s;
    }
}
