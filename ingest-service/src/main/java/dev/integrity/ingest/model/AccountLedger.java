package dev.integrity.ingest.model;

import dev.integrity.contract.enforcement.Removed;

/** An account's counts as the ledger has them, and what enforcements currently hold removed. */
public record AccountLedger(String accountId, long followerCount, long followingCount, long likesGiven,
        long likesReceived, long commentsGiven, long commentsReceived, Removed removed) {
}
