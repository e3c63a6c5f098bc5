package dev.integrity.notify.rest;

import java.time.Instant;
import java.util.List;

import dev.integrity.notify.model.NotificationKind;
import dev.integrity.notify.model.UserAction;

/**
 * A message as the inbox shows it, rendered in {@code locale}. {@code readAt}, {@code resolvedAt}
 * and {@code rescindedAt} are null until the message is read, resolved (password changed and
 * every named app revoked) or rescinded (its enforcement was reverted).
 */
public record NotificationView(
        String id,
        NotificationKind kind,
        String title,
        String body,
        List<UserAction> actions,
        List<String> apps,
        String locale,
        Instant createdAt,
        Instant readAt,
        Instant resolvedAt,
        Instant rescindedAt) {
}
