package dev.integrity.contract.enforcement;

/**
 * Scoring's instruction to the ledger, on {@code enforcement.proposed} (IMPACT: report what the
 * scope would remove, change nothing) and {@code enforcement.decided} (APPLY or REVERT).
 */
public record EnforcementCommand(Kind kind, EnforcementScope scope) {

    public enum Kind {
        IMPACT, APPLY, REVERT
    }

    public String enforcementId() {
        return scope.enforcementId();
    }
}
