package dev.integrity.simulator.api;

import dev.integrity.contract.enforcement.Removed;
import java.util.List;

/**
 * {@code GET /api/v1/accounts/{id}}. {@code groupId} is not in contract v1 but the gateway adds it
 * (the account's lockstep group); when absent, the group is read from the reasons.
 */
public record AccountView(String accountId, String status, Double riskScore, String modelVersion, List<String> reasons, int strikes,
        long followerCount, long followingCount, Removed removed, String groupId) {

    public AccountView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        removed = removed == null ? Removed.NONE : removed;
        status = status == null ? "CLEAN" : status;
    }
}
