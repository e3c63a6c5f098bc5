package dev.integrity.contract.action;

/**
 * What the host platform must do to one edge or account (contract section 6.1). Every HIDE has its
 * RESTORE and BLOCK its UNBLOCK: {@link #inverse()} is what a revert publishes.
 */
public enum ActionType {
    HIDE_FOLLOW, RESTORE_FOLLOW, HIDE_LIKE, RESTORE_LIKE, HIDE_COMMENT, RESTORE_COMMENT, BLOCK_ACCOUNT, UNBLOCK_ACCOUNT;

    public ActionType inverse() {
        return switch (this) {
            case HIDE_FOLLOW -> RESTORE_FOLLOW;
            case RESTORE_FOLLOW -> HIDE_FOLLOW;
            case HIDE_LIKE -> RESTORE_LIKE;
            case RESTORE_LIKE -> HIDE_LIKE;
            case HIDE_COMMENT -> RESTORE_COMMENT;
            case RESTORE_COMMENT -> HIDE_COMMENT;
            case BLOCK_ACCOUNT -> UNBLOCK_ACCOUNT;
            case UNBLOCK_ACCOUNT -> BLOCK_ACCOUNT;
        };
    }

    /** Takes something away (HIDE_*, BLOCK_ACCOUNT) rather than giving it back. */
    public boolean removes() {
        return this == HIDE_FOLLOW || this == HIDE_LIKE || this == HIDE_COMMENT || this == BLOCK_ACCOUNT;
    }
}
