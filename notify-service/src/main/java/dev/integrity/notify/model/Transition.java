package dev.integrity.notify.model;

import dev.integrity.contract.enforcement.EnforcementOutcome;

/**
 * What happened to an enforcement that gives the account a message: the ledger applied or reverted
 * it ({@code enforcement.applied}), or a moderator denied the account's appeal against it
 * ({@code appeal.decisions}). Stored as the message's {@code transition}: with the enforcement's id
 * it is the idempotency key, so each gives at most one message per enforcement (an enforcement has
 * at most one appeal, so its denial is keyed by the enforcement as well as by the appeal).
 */
public enum Transition {

    APPLIED,
    REVERTED,
    APPEAL_DENIED;

    public static Transition of(EnforcementOutcome.Status status) {
        return switch (status) {
            case APPLIED -> APPLIED;
            case REVERTED -> REVERTED;
        };
    }

    /**
     * Whether the message names the enforcement as its APPLIED message told it (action, strike,
     * what was removed, which apps) rather than bringing those itself: a decision on an appeal
     * carries none of them.
     */
    public boolean describesTheApplication() {
        return this == APPEAL_DENIED;
    }
}
