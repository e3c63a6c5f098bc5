package dev.integrity.notify.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.notify.model.RemediationEvent;
import dev.integrity.notify.model.RemediationStep;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

/** What accounts did to secure themselves. Callers provide the session. */
@ApplicationScoped
public class RemediationStepRepository implements PanacheRepository<RemediationStep> {

    /** Keeps the latest occurrence per (account, step, app): replays and out-of-order events change nothing. */
    private static final String RECORD = """
            INSERT INTO remediation_step (account_id, step, app_id, occurred_at, event_id)
            VALUES (:accountId, :step, :appId, CAST(CAST(:occurredAt AS text) AS timestamptz), :eventId)
            ON CONFLICT (account_id, step, app_id) DO UPDATE
               SET occurred_at = EXCLUDED.occurred_at, event_id = EXCLUDED.event_id
             WHERE remediation_step.occurred_at < EXCLUDED.occurred_at""";

    /** @return true if the step is new or happened later than the one stored */
    public Uni<Boolean> record(RemediationEvent event) {
        return getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("accountId", event.accountId())
                .setParameter("step", event.step())
                .setParameter("appId", event.appId())
                .setParameter("occurredAt", event.occurredAt().toString()) // ISO-8601 with Z, cast by PostgreSQL
                .setParameter("eventId", event.eventId())
                .executeUpdate())
                .map(rows -> rows > 0);
    }

    public Uni<List<RemediationStep>> ofAccount(String accountId) {
        return list("accountId", accountId);
    }
}
