package dev.integrity.scoring.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.Impact;
import dev.integrity.kafka.TraceHeaders;
import dev.integrity.observability.LogContext;
import dev.integrity.observability.Tracing;
import dev.integrity.scoring.service.EnforcementService;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/** The ledger's reports: impacts (enforcement.impact) go to the guard, outcomes (enforcement.applied) move the ladder. */
@ApplicationScoped
public class EnforcementReportConsumer {

    private static final Logger LOG = Logger.getLogger(EnforcementReportConsumer.class);

    private final EnforcementService service;
    private final DeadLetters deadLetters;
    private final Tracing tracing;

    public EnforcementReportConsumer(EnforcementService service, DeadLetters deadLetters, Tracing tracing) {
        this.service = service;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    @Incoming("enforcement-impact")
    public Uni<Void> impact(ConsumerRecord<String, byte[]> record) {
        Impact impact;
        try {
            impact = EventJson.mapper().readValue(record.value(), Impact.class);
        } catch (IOException | RuntimeException e) {
            return deadLetters.send(record, "unreadable impact: " + e.getMessage());
        }
        return LogContext.around(TraceHeaders.extract(tracing.propagator(), record.headers()), ids(impact.enforcementId(), impact.accountId()),
                () -> retrying(service.onImpact(impact), "impact of " + impact.enforcementId(), record));
    }

    @Incoming("enforcement-applied")
    public Uni<Void> outcome(ConsumerRecord<String, byte[]> record) {
        EnforcementOutcome outcome;
        try {
            outcome = EventJson.mapper().readValue(record.value(), EnforcementOutcome.class);
        } catch (IOException | RuntimeException e) {
            return deadLetters.send(record, "unreadable outcome: " + e.getMessage());
        }
        return LogContext.around(TraceHeaders.extract(tracing.propagator(), record.headers()), ids(outcome.enforcementId(), outcome.accountId()),
                () -> retrying(service.onOutcome(outcome), "outcome of " + outcome.enforcementId(), record));
    }

    private static java.util.Map<String, String> ids(String enforcementId, String accountId) {
        return LogContext.ids(LogContext.ENFORCEMENT_ID, enforcementId, LogContext.ACCOUNT_ID, accountId);
    }

    /**
     * Retries until it works while the failure is the database or Redis being unreachable; a
     * statement PostgreSQL refused is not going to succeed on a retry, so after a few attempts the
     * record goes to the dead-letter topic and the partition moves on.
     */
    private Uni<Void> retrying(Uni<Void> work, String what, ConsumerRecord<String, byte[]> record) {
        AtomicInteger refusals = new AtomicInteger();
        return work.onFailure().invoke(e -> LOG.warnf("%s failed, retrying: %s", what, e.getMessage()))
                .onFailure(e -> !(e instanceof PgException) || refusals.incrementAndGet() < 5)
                .retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(15)).indefinitely()
                .onFailure().recoverWithUni(e -> deadLetters.send(record, what + " refused by the database: " + e.getMessage()));
    }
}
