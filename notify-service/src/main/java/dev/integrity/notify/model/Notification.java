package dev.integrity.notify.model;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One in-app message, as stored: its kind and the parameters of the transition that caused it.
 * Title and body are rendered per reader from the templates; see {@link NotificationSnapshot}.
 * New rows are inserted by {@code NotificationRepository.insertIfAbsent} (one per transition);
 * afterwards only the four timestamps change, through the {@code mark...} methods, each set once.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @Column(name = "id", length = 36)
    public String id;

    @Column(name = "account_id", length = 64, nullable = false)
    public String accountId;

    @Column(name = "enforcement_id", length = 128, nullable = false)
    public String enforcementId;

    /** A {@link Transition} name: APPLIED, REVERTED or APPEAL_DENIED. */
    @Column(name = "transition", length = 16, nullable = false)
    public String transition;

    /** A {@link NotificationKind} name; see {@link #kind()}. */
    @Column(name = "kind", length = 40, nullable = false)
    public String kindName;

    @Column(name = "action", length = 32, nullable = false)
    public String action;

    @Column(name = "strike", nullable = false)
    public int strike;

    @Column(name = "follows_removed", nullable = false)
    public long followsRemoved;

    @Column(name = "likes_removed", nullable = false)
    public long likesRemoved;

    @Column(name = "comments_removed", nullable = false)
    public long commentsRemoved;

    @Convert(converter = AppListConverter.class)
    @Column(name = "apps", columnDefinition = "text", nullable = false)
    public List<String> apps;

    @Column(name = "enforced_at", nullable = false)
    public Instant enforcedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "rescinded_at")
    public Instant rescindedAt;

    @Column(name = "suppressed_at")
    public Instant suppressedAt;

    public void markRead(Instant at) {
        readAt = once(readAt, at);
    }

    public void markResolved(Instant at) {
        resolvedAt = once(resolvedAt, at);
    }

    public void markRescinded(Instant at) {
        rescindedAt = once(rescindedAt, at);
    }

    public void markSuppressed(Instant at) {
        suppressedAt = once(suppressedAt, at);
    }

    /** A timestamp is set the first time only: marking again keeps the first time. */
    private static Instant once(Instant set, Instant at) {
        return set == null ? at : set;
    }

    public NotificationKind kind() {
        return NotificationKind.valueOf(kindName);
    }

    /** Still asking the person to act: resolvable, shown, and neither resolved nor rescinded. */
    public boolean isOpenWarning() {
        return kind().isResolvable() && suppressedAt == null && resolvedAt == null && rescindedAt == null;
    }

    public NotificationSnapshot snapshot() {
        return new NotificationSnapshot(id, accountId, enforcementId, kind(),
                new EnforcementDetails(action, strike, followsRemoved, likesRemoved, commentsRemoved, apps),
                enforcedAt, createdAt, readAt, resolvedAt, rescindedAt, suppressedAt);
    }
}
