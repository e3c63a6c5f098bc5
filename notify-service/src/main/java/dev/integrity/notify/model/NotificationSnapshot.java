package dev.integrity.notify.model;

import java.time.Instant;
import java.util.List;

/**
 * A stored message, detached from the database: what the inbox renders and what travels between
 * replicas (as JSON on the live channel) to reach open streams.
 */
public record NotificationSnapshot(
        String id,
        String accountId,
        String enforcementId,
        NotificationKind kind,
        String action,
        int strike,
        long followsRemoved,
        long likesRemoved,
        long commentsRemoved,
        List<String> apps,
        Instant enforcedAt,
        Instant createdAt,
        Instant readAt,
        Instant resolvedAt,
        Instant rescindedAt,
        Instant suppressedAt) {

    public NotificationSnapshot {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    /** Shown to the person now: neither held back by the cap nor rescinded. */
    public boolean isDeliverable() {
        return suppressedAt == null && rescindedAt == null;
    }
}
