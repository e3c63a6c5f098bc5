package dev.integrity.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.integrity.notify.model.Notification;
import dev.integrity.notify.model.NotificationSnapshot;
import dev.integrity.notify.repository.NotificationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Reads an account's inbox and marks its messages read. */
@ApplicationScoped
public class InboxService {

    @Inject
    NotificationRepository notifications;
    @Inject
    Clock clock;

    /** One page of the account's messages, newest first; messages held back by the cap are not shown. */
    @WithSession
    public Uni<List<NotificationSnapshot>> page(String accountId, int page, int size) {
        return notifications.inbox(accountId, page, size)
                .map(list -> list.stream().map(Notification::snapshot).toList());
    }

    /**
     * Marks the message read (the first time only; marking again changes nothing).
     *
     * @throws NotificationNotFoundException (as the Uni's failure) when the account has no such message
     */
    @WithTransaction
    public Uni<Void> markRead(String accountId, String notificationId) {
        return notifications.findVisible(accountId, notificationId)
                .onItem().ifNull().failWith(() -> new NotificationNotFoundException(accountId, notificationId))
                .invoke(notification -> notification.markRead(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)))
                .replaceWithVoid();
    }
}
