package dev.integrity.notify.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The latest time an account did one thing that secures it: changed its password, or revoked one
 * app. Written by {@code RemediationStepRepository.record} (an upsert that keeps the latest time).
 */
@Entity
@Table(name = "remediation_step")
public class RemediationStep {

    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String APP_REVOKED = "APP_REVOKED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "account_id", length = 64, nullable = false)
    public String accountId;

    /** {@link #PASSWORD_CHANGED} or {@link #APP_REVOKED}. */
    @Column(name = "step", length = 20, nullable = false)
    public String step;

    /** The revoked app; empty for a password change. */
    @Column(name = "app_id", length = 128, nullable = false)
    public String appId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "event_id", length = 128, nullable = false)
    public String eventId;
}
