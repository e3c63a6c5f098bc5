package dev.integrity.scoring.messaging;

import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.Impact;
import dev.integrity.kafka.DeadLetter;
import dev.integrity.kafka.RecordConsumer;
import dev.integrity.kafka.RecordReader;
import dev.integrity.kafka.Retries;
import dev.integrity.observability.LogContext;
import dev.integrity.observability.Tracing;
import dev.integrity.scoring.service.EnforcementService;
import io.smallrye.mutiny.Uni;

/** The ledger's reports: impacts (enforcement.impact) go to the guard, outcomes (enforcement.applied) move the ladder. */
@ApplicationScoped
public class EnforcementReportConsumer {

    /**
     * Retried until it works while the failure is the database or Redis being unreachable; a statement
     * PostgreSQL refused is not going to succeed on a retry, so after a few refusals the record goes to
     * the dead-letter topic and the partition moves on.
     */
    private static final Supplier<Predicate<Throwable>> REFUSED_FOR_GOOD = () -> Retries.afterRefusals(5, Retries::refusedByDatabase);

    private final EnforcementService service;
    private final RecordConsumer<Impact> impacts;
    private final RecordConsumer<EnforcementOutcome> outcomes;

    public EnforcementReportConsumer(EnforcementService service, DeadLetter deadLetter, Tracing tracing) {
        this.service = service;
        this.impacts = new RecordConsumer<>(value -> RecordReader.json(value, Impact.class, "impact"), deadLetter::enforcement,
                tracing.propagator(), REFUSED_FOR_GOOD);
        this.outcomes = new RecordConsumer<>(value -> RecordReader.json(value, EnforcementOutcome.class, "outcome"), deadLetter::enforcement,
                tracing.propagator(), REFUSED_FOR_GOOD);
    }

    @Incoming("enforcement-impact")
    public Uni<Void> impact(ConsumerRecord<String, byte[]> record) {
        return impacts.consume(record, impact -> new RecordConsumer.Work(ids(impact.enforcementId(), impact.accountId()),
                "impact of " + impact.enforcementId(), () -> service.onImpact(impact)));
    }

    @Incoming("enforcement-applied")
    public Uni<Void> outcome(ConsumerRecord<String, byte[]> record) {
        return outcomes.consume(record, outcome -> new RecordConsumer.Work(ids(outcome.enforcementId(), outcome.accountId()),
                "outcome of " + outcome.enforcementId(), () -> service.onOutcome(outcome)));
    }

    private static LogContext.Ids ids(String enforcementId, String accountId) {
        return LogContext.Ids.ofEnforcement(enforcementId, accountId);
    }
}
