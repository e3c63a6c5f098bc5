package dev.integrity.notify.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.integrity.notify.model.NotificationKind;
import dev.integrity.notify.model.UserAction;

/**
 * A message as the inbox shows it, rendered in {@code locale}. {@code readAt}, {@code resolvedAt}
 * and {@code rescindedAt} are null until the message is read, resolved (password changed and
 * every named app revoked) or rescinded (its enforcement was reverted). {@code enforcementId}
 * names the enforcement the message is about (the inbox page offers an appeal against it).
 */
public record NotificationView(
        String id,
        @Schema(description = "INAUTHENTIC_ACTIVITY_WARNING (first strike), FINAL_WARNING (second), ACCOUNT_BLOCKED, "
                + "ENFORCEMENT_REVERSED (an enforcement was reverted; its earlier messages are rescinded), or "
                + "APPEAL_DENIED (a moderator reviewed the account's appeal against the enforcement and it stands)")
        NotificationKind kind,
        @Schema(description = "The enforcement the message is about")
        String enforcementId,
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
