package dev.integrity.notify.service;

import java.util.List;

import dev.integrity.notify.model.NotificationSnapshot;

/**
 * What creating the message for one transition did.
 *
 * @param message   the new message
 * @param rescinded earlier messages this one withdrew (those of a reverted enforcement: its APPLIED message, a denied appeal's)
 * @param resolved  warnings found resolved right away (the account had already secured itself)
 */
public record CreatedNotification(NotificationSnapshot message, List<NotificationSnapshot> rescinded,
        List<NotificationSnapshot> resolved) {
}
