package dev.integrity.notify.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored message, detached from the database: what the inbox renders and what travels between
 * replicas (as JSON on the live channel) to reach open streams.
 */
public record NotificationSnapshot(
        String id,
        String accountId,
        String enforcementId,
        NotificationKind kind,
        EnforcementDetails details,
        Instant enforcedAt,
        Instant createdAt,
        Instant readAt,
        Instant resolvedAt,
        Instant rescindedAt,
        Instant suppressedAt) {

    public NotificationSnapshot {
        Objects.requireNonNull(details, "details");
    }

    /** Shown to the person now: neither held back by the cap nor rescinded. */
    public boolean isDeliverable() {
        return suppressedAt == null && rescindedAt == null;
    }
}
