package dev.integrity.scoring.model;

import java.time.Instant;

import dev.integrity.contract.review.AppealStatus;

/** A user's appeal against one of their applied enforcements, and the moderator's decision on it. */
public record Appeal(String id, String enforcementId, String accountId, AppealStatus status, String message, String note, String decidedBy,
        Instant createdAt, Instant decidedAt) {
}
