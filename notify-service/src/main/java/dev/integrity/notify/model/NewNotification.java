package dev.integrity.notify.model;

import java.time.Instant;
import java.util.List;

import dev.integrity.contract.enforcement.EnforcementOutcome;

/** A message to create for one enforcement transition, read from an {@link EnforcementOutcome}. */
public record NewNotification(
        String accountId,
        String enforcementId,
        EnforcementOutcome.Status transition,
        NotificationKind kind,
        String action,
        int strike,
        long followsRemoved,
        long likesRemoved,
        long commentsRemoved,
        List<String> apps,
        Instant enforcedAt) {

    public NewNotification {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    /** Identifies the transition: the idempotency key, and the member counted by the cap. */
    public String transitionKey() {
        return enforcementId + ":" + transition.name();
    }
}
