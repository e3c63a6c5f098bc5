package dev.integrity.contract.review;

/**
 * Why held enforcements are reviewed together: the members of one lockstep group, the enforcements
 * held to protect the same receiving account, or an enforcement with no shared cause.
 */
public enum CaseKind {
    LOCKSTEP_GROUP, PROTECTED_RECEIVER, SINGLE
}
