package dev.integrity.notify.model;

import java.util.List;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementOutcome;

/** The kinds of in-app message, and which enforcement transition gives which. */
public enum NotificationKind {

    /** First strike: engagement was removed; change the password and disconnect the apps. */
    INAUTHENTIC_ACTIVITY_WARNING,
    /** Second strike: the last warning before a block. */
    FINAL_WARNING,
    /** The account is blocked. */
    ACCOUNT_BLOCKED,
    /** An enforcement was reverted: what was removed is restored, the earlier message rescinded. */
    ENFORCEMENT_REVERSED;

    private static final List<UserAction> SECURE_ACCOUNT = List.of(UserAction.CHANGE_PASSWORD, UserAction.REVIEW_CONNECTED_APPS);

    /**
     * The kind of message one transition gives: REVERTED gives ENFORCEMENT_REVERSED; APPLIED gives
     * ACCOUNT_BLOCKED for BLOCK, and for REMOVE_AND_WARN a first warning on strike 1 (or a missing
     * strike) and FINAL_WARNING from strike 2 on.
     *
     * @throws IllegalArgumentException for an APPLIED outcome with an action other than those two
     */
    public static NotificationKind of(EnforcementOutcome.Status status, EnforcementAction action, int strike) {
        if (status == EnforcementOutcome.Status.REVERTED) {
            return ENFORCEMENT_REVERSED;
        }
        if (action == null) {
            throw new IllegalArgumentException("an applied enforcement needs its action");
        }
        return switch (action) {
            case BLOCK -> ACCOUNT_BLOCKED;
            case REMOVE_AND_WARN -> strike >= EnforcementAction.FINAL_WARNING_STRIKE ? FINAL_WARNING : INAUTHENTIC_ACTIVITY_WARNING;
        };
    }

    /** What the message asks the person to do: secure the account for the three warning kinds, nothing otherwise. */
    public List<UserAction> actions() {
        return this == ENFORCEMENT_REVERSED ? List.of() : SECURE_ACCOUNT;
    }

    /** Whether changing the password and revoking the named apps resolves the message. */
    public boolean isResolvable() {
        return !actions().isEmpty();
    }

    /** Whether the per-account cap may hold the message back. A block or a reversal always reaches the person. */
    public boolean isCapped() {
        return this == INAUTHENTIC_ACTIVITY_WARNING || this == FINAL_WARNING;
    }
}
