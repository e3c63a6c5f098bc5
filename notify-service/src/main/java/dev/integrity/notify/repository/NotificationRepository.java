package dev.integrity.notify.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.notify.model.AppListConverter;
import dev.integrity.notify.model.EnforcementDetails;
import dev.integrity.notify.model.NewNotification;
import dev.integrity.notify.model.Notification;
import dev.integrity.notify.model.Transition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The stored messages. Callers provide the session (services hold @WithSession / @WithTransaction). */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, String> {

    /**
     * Times are bound as ISO-8601 text (with Z) and cast by PostgreSQL: exact whatever the session
     * time zone, and independent of how the driver maps java.time types.
     */
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO notification (id, account_id, enforcement_id, transition, kind, action, strike,
                                      follows_removed, likes_removed, comments_removed, apps, enforced_at, created_at)
            VALUES (:id, :accountId, :enforcementId, :transition, :kind, :action, :strike,
                    :follows, :likes, :comments, :apps, CAST(CAST(:enforcedAt AS text) AS timestamptz),
                    CAST(CAST(:createdAt AS text) AS timestamptz))
            ON CONFLICT (enforcement_id, transition) DO NOTHING""";

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    /**
     * Inserts the message for a transition unless that transition already has one (the unique key
     * on enforcement_id and transition decides, so concurrent duplicates are safe too).
     *
     * @return true if this call inserted it
     */
    public Uni<Boolean> insertIfAbsent(String id, NewNotification message, Instant createdAt) {
        EnforcementDetails details = message.details();
        return getSession().chain(session -> session.createNativeQuery(INSERT_IF_ABSENT)
                .setParameter("id", id)
                .setParameter("accountId", message.accountId())
                .setParameter("enforcementId", message.enforcementId())
                .setParameter("transition", message.transition().name())
                .setParameter("kind", message.kind().name())
                .setParameter("action", details.action())
                .setParameter("strike", details.strike())
                .setParameter("follows", details.followsRemoved())
                .setParameter("likes", details.likesRemoved())
                .setParameter("comments", details.commentsRemoved())
                .setParameter("apps", AppListConverter.toJson(details.apps()))
                .setParameter("enforcedAt", message.enforcedAt().toString())
                .setParameter("createdAt", createdAt.toString())
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<Boolean> exists(String enforcementId, Transition transition) {
        return count("enforcementId = ?1 and transition = ?2", enforcementId, transition.name()).map(n -> n > 0);
    }

    /** One page of the messages the account may see (not held back by the cap), newest first. */
    public Uni<List<Notification>> inbox(String accountId, int page, int size) {
        return find("accountId = ?1 and suppressedAt is null", NEWEST_FIRST, accountId)
                .page(Page.of(page, size))
                .list();
    }

    /** A message the account may see, or null when there is none with that id for that account. */
    public Uni<Notification> findVisible(String accountId, String id) {
        return find("id = ?1 and accountId = ?2 and suppressedAt is null", id, accountId).firstResult();
    }

    /** The account's messages that may still be resolved (the caller checks the kind). */
    public Uni<List<Notification>> unresolved(String accountId) {
        return list("accountId = ?1 and resolvedAt is null and rescindedAt is null and suppressedAt is null", accountId);
    }

    /** The messages of an enforcement that its reversal withdraws (all but the reversal's own), not yet rescinded. */
    public Uni<List<Notification>> beforeReversalNotRescinded(String enforcementId) {
        return list("enforcementId = ?1 and transition <> ?2 and rescindedAt is null",
                enforcementId, Transition.REVERTED.name());
    }

    /** The APPLIED message of an enforcement (shown, held back or rescinded), or null when there is none. */
    public Uni<Notification> applied(String enforcementId) {
        return find("enforcementId = ?1 and transition = ?2", enforcementId, Transition.APPLIED.name()).firstResult();
    }
}
