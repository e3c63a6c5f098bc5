package dev.integrity.notify.service;

import dev.integrity.notify.model.NotificationSnapshot;
import io.smallrye.mutiny.Uni;

/** Sends a new message to the open streams of every replica. Never fails: the message is in the inbox anyway. */
public interface LivePublisher {

    Uni<Void> publish(NotificationSnapshot message);
}
