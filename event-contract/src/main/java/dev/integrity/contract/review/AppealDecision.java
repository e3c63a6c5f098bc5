package dev.integrity.contract.review;

import java.time.Instant;

/**
 * A moderator's decision on an appeal, on {@code appeal.decisions} (keyed by accountId). GRANTED
 * also reverts the enforcement (its message comes with the ledger's REVERTED outcome); DENIED is
 * told to the account by the notify service ({@code APPEAL_DENIED}). Consumers key their
 * idempotency on (appealId, status).
 */
public record AppealDecision(String appealId, String enforcementId, String accountId, AppealStatus status, String note,
        String decidedBy, Instant decidedAt) {
}
