package dev.integrity.contract.enforcement;

/**
 * An account's standing as the suite sees it: CLEAN (no evidence, or its warning was resolved),
 * SUSPECT (evidence found, enforcement proposed or held), WARNED (an enforcement was applied and
 * the warning is not yet resolved) or BLOCKED.
 */
public enum AccountStatus {
    CLEAN, SUSPECT, WARNED, BLOCKED;

    /** The status an applied enforcement of this action leaves the account in. */
    public static AccountStatus after(EnforcementAction action) {
        return action == EnforcementAction.BLOCK ? BLOCKED : WARNED;
    }

    /** Not clean: the suite holds evidence against the account, or acted on it. */
    public boolean isFlagged() {
        return this != CLEAN;
    }
}
