package dev.integrity.scoring.model;

import java.time.Instant;

import dev.integrity.contract.review.CaseKind;
import dev.integrity.contract.review.CaseStatus;

/** A review case as stored: what its members share and whether any of them is still held. */
public record ReviewCase(String id, CaseKind kind, CaseStatus status, String title, String groupId, Instant createdAt,
        Instant updatedAt, Instant closedAt) {
}
