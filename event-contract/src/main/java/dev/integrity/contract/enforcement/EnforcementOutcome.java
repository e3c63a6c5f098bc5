package dev.integrity.contract.enforcement;

import java.time.Instant;
import java.util.List;

/**
 * What the ledger did, on {@code enforcement.applied}: APPLIED (with what was removed) or
 * REVERTED (what had been removed is restored). {@code action} and {@code strike} are those of
 * the enforcement's scope; {@code apps} the third-party apps concerned. Consumers key their
 * idempotency on (enforcementId, status).
 */
public record EnforcementOutcome(String enforcementId, String accountId, EnforcementAction action, int strike, Status status,
        Removed removed, List<String> apps, Instant at) {

    public enum Status {
        APPLIED, REVERTED
    }

    public EnforcementOutcome {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }
}
