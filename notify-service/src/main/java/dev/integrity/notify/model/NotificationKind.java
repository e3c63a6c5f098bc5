package dev.integrity.notify.model;

import java.util.List;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.review.AppealStatus;

/** The kinds of in-app message, and which enforcement transition gives which. */
public enum NotificationKind {

    /** First strike: engagement was removed; change the password and disconnect the apps. */
    INAUTHENTIC_ACTIVITY_WARNING,
    /** Second strike: the last warning before a block. */
    FINAL_WARNING,
    /** The account is blocked. */
    ACCOUNT_BLOCKED,
    /** An enforcement was reverted: what was removed is restored, the earlier message rescinded. */
    ENFORCEMENT_REVERSED,
    /**
     * A moderator denied the account's appeal against an enforcement: the decision stands. The
     * text repeats the advice to secure the account, but the message asks nothing of its own (the
     * enforcement's warning still does, and is what the account's steps resolve).
     */
    APPEAL_DENIED;

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

    /**
     * The kind of message a moderator's decision on an appeal gives: APPEAL_DENIED for DENIED;
     * none for GRANTED, as granting reverts the enforcement and its REVERTED outcome gives
     * ENFORCEMENT_REVERSED.
     *
     * @return null for GRANTED
     * @throws IllegalArgumentException for OPEN, which is no decision
     */
    public static NotificationKind ofAppeal(AppealStatus decision) {
        return switch (decision) {
            case DENIED -> APPEAL_DENIED;
            case GRANTED -> null;
            case OPEN -> throw new IllegalArgumentException("an open appeal is not a decision");
        };
    }

    /** What the message asks the person to do: secure the account for the three warning kinds, nothing otherwise. */
    public List<UserAction> actions() {
        return switch (this) {
            case INAUTHENTIC_ACTIVITY_WARNING, FINAL_WARNING, ACCOUNT_BLOCKED -> SECURE_ACCOUNT;
            case ENFORCEMENT_REVERSED, APPEAL_DENIED -> List.of();
        };
    }

    /** Whether changing the password and revoking the named apps resolves the message. */
    public boolean isResolvable() {
        return !actions().isEmpty();
    }

    /** Whether the per-account cap may hold the message back. A block, a reversal or a denied appeal always reaches the person. */
    public boolean isCapped() {
        return this == INAUTHENTIC_ACTIVITY_WARNING || this == FINAL_WARNING;
    }
}
