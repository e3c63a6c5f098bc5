package dev.integrity.notify.model;

import java.time.Instant;

/**
 * A PASSWORD_CHANGED or APP_REVOKED account event, as resolution needs it.
 *
 * @param step  {@link RemediationStep#PASSWORD_CHANGED} or {@link RemediationStep#APP_REVOKED}
 * @param appId the revoked app; empty for a password change
 */
public record RemediationEvent(String eventId, String accountId, String step, String appId, Instant occurredAt) {
}
