package dev.integrity.notify.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.integrity.notify.model.NewNotification;
import dev.integrity.notify.model.Notification;
import dev.integrity.notify.model.NotificationSnapshot;
import dev.integrity.notify.model.Transition;
import dev.integrity.notify.repository.AccountLock;
import dev.integrity.notify.repository.NotificationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The transactions that create messages: exactly one per enforcement transition (applied, reverted, appeal denied). */
@ApplicationScoped
public class NotificationWriter {

    @Inject
    NotificationRepository notifications;
    @Inject
    AccountLock accountLock;
    @Inject
    WarningResolver resolver;

    @WithSession
    public Uni<Boolean> exists(NewNotification message) {
        return notifications.exists(message.enforcementId(), message.transition());
    }

    /**
     * Creates the message unless its transition already has one. A reversal rescinds the
     * enforcement's earlier messages (and a message arriving after its enforcement's reversal is
     * rescinded at once); a new warning is resolved at once if the account already did what it asks.
     * A denied appeal names the enforcement as its APPLIED message did.
     *
     * @param suppressed held back by the per-account cap: stored as suppressed, never shown
     * @return what was done, or null when the transition already had its message
     */
    @WithTransaction
    public Uni<CreatedNotification> create(NewNotification message, boolean suppressed) {
        String id = UUID.randomUUID().toString();
        return accountLock.lock(message.accountId()).chain(now -> detailed(message)
                .chain(complete -> notifications.insertIfAbsent(id, complete, now)
                        .chain(inserted -> inserted ? afterInsert(id, complete, suppressed, now) : Uni.createFrom().nullItem())));
    }

    /**
     * The message with the enforcement's details (action, strike, what was removed, apps) taken from
     * the enforcement's APPLIED message, when its transition brings none itself and that message
     * is there (and the same account's); otherwise as it is, and the text names the enforcement
     * in general terms.
     */
    private Uni<NewNotification> detailed(NewNotification message) {
        if (!message.transition().describesTheApplication()) {
            return Uni.createFrom().item(message);
        }
        return notifications.applied(message.enforcementId()).map(applied ->
                applied != null && message.accountId().equals(applied.accountId) ? message.withDetailsOf(applied.snapshot()) : message);
    }

    private Uni<CreatedNotification> afterInsert(String id, NewNotification message, boolean suppressed, Instant now) {
        return notifications.findById(id).chain(created -> {
            if (suppressed) {
                created.markSuppressed(now);
            }
            return rescind(created, message, now).chain(rescinded -> resolve(created, now).map(resolved ->
                    new CreatedNotification(created.snapshot(), snapshots(rescinded), snapshots(resolved))));
        });
    }

    /**
     * A reversal withdraws the enforcement's earlier messages (its warning or block, and a denied
     * appeal's "the decision stands"); any other message arriving after its enforcement's reversal
     * is withdrawn itself.
     */
    private Uni<List<Notification>> rescind(Notification created, NewNotification message, Instant now) {
        if (message.transition() == Transition.REVERTED) {
            return notifications.beforeReversalNotRescinded(message.enforcementId()).map(earlier -> {
                earlier.forEach(n -> n.markRescinded(now));
                return earlier;
            });
        }
        return notifications.exists(message.enforcementId(), Transition.REVERTED).map(reverted -> {
            if (reverted) {
                created.markRescinded(now);
            }
            return List.<Notification> of();
        });
    }

    private Uni<List<Notification>> resolve(Notification created, Instant now) {
        if (!created.isOpenWarning()) {
            return Uni.createFrom().item(List.<Notification> of());
        }
        return resolver.resolveOpenWarnings(created.accountId, now);
    }

    private static List<NotificationSnapshot> snapshots(List<Notification> notifications) {
        return notifications.stream().map(Notification::snapshot).toList();
    }
}
