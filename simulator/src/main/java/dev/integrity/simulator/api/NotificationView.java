package dev.integrity.simulator.api;

import java.time.Instant;
import java.util.List;

/** One message of {@code GET /api/v1/accounts/{id}/notifications}. */
public record NotificationView(String id, String kind, String title, String body, List<String> actions, List<String> apps,
        String locale, Instant createdAt, Instant readAt) {

    public static final String WARNING = "INAUTHENTIC_ACTIVITY_WARNING";
    public static final String FINAL_WARNING = "FINAL_WARNING";
    public static final String BLOCKED = "ACCOUNT_BLOCKED";
    public static final String REVERSED = "ENFORCEMENT_REVERSED";
    public static final String APPEAL_DENIED = "APPEAL_DENIED";

    public NotificationView {
        actions = actions == null ? List.of() : List.copyOf(actions);
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    public boolean isWarning() {
        return WARNING.equals(kind) || FINAL_WARNING.equals(kind);
    }
}
