package dev.integrity.notify.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to create for one transition of an enforcement: read from an
 * {@code EnforcementOutcome} (applied, reverted) or from a denied {@code AppealDecision}.
 */
public record NewNotification(
        String accountId,
        String enforcementId,
        Transition transition,
        NotificationKind kind,
        EnforcementDetails details,
        Instant enforcedAt) {

    public NewNotification {
        Objects.requireNonNull(details, "details");
    }

    /** Identifies the transition: the idempotency key, and the member counted by the cap. */
    public String transitionKey() {
        return enforcementId + ":" + transition.name();
    }

    /**
     * This message, naming the enforcement as the given (APPLIED) message of it did: its action,
     * strike, removed counts and apps. The account, enforcement, transition, kind and time stay.
     */
    public NewNotification withDetailsOf(NotificationSnapshot applied) {
        return new NewNotification(accountId, enforcementId, transition, kind, applied.details(), enforcedAt);
    }
}
