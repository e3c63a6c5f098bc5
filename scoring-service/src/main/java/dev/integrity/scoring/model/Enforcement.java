package dev.integrity.scoring.model;

import java.time.Instant;
import java.util.List;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.contract.enforcement.Removed;

/** One enforcement as stored: lifecycle status, why, who decided, what the ledger removed, and its review case once held. */
public record Enforcement(String id, String accountId, EnforcementAction action, int strike, EnforcementStatus status, List<String> reasons,
        String modelVersion, String decidedBy, EnforcementScope scope, List<ReceiverImpact> receivers, String heldReason,
        Removed removed, String groupId, Instant createdAt, Instant updatedAt, String caseId) {
}
