package dev.integrity.notify.messaging;

import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.integrity.kafka.DeadLetter;
import dev.integrity.kafka.RecordConsumer;
import dev.integrity.kafka.Retries;
import dev.integrity.notify.model.NewNotification;
import dev.integrity.notify.service.EnforcementNotifier;
import dev.integrity.notify.service.OnContext;
import dev.integrity.observability.LogContext;
import dev.integrity.observability.Tracing;
import io.smallrye.mutiny.Uni;

/**
 * Creates the account's message for each record of the enforcement exchange that calls for one: every
 * outcome on {@code enforcement.applied}, and each denied appeal on {@code appeal.decisions} (both keyed
 * by accountId, so an account's records arrive in order). Both go through the same notifier, so each is
 * stored once (keyed by the enforcement and its transition), capped, pushed live and rescinded by a later
 * reversal alike. A GRANTED appeal is skipped: the revert it causes gives ENFORCEMENT_REVERSED.
 * <p>
 * The offset is committed only after the message is stored; a redelivery finds it there and creates
 * nothing. An outage is retried (the partition waits, nothing is skipped); a record that can never be
 * used, or whose data PostgreSQL rejects, goes to {@code enforcement.dlq}.
 */
@ApplicationScoped
public class EnforcementMessageConsumer {

    private final EnforcementNotifier notifier;
    private final RecordConsumer<NewNotification> outcomes;
    private final RecordConsumer<NewNotification> appealDecisions;

    public EnforcementMessageConsumer(EnforcementNotifier notifier, DeadLetter deadLetter, Tracing tracing) {
        this.notifier = notifier;
        this.outcomes = new RecordConsumer<>(OutcomeReader::read, deadLetter::enforcement, tracing.propagator(),
                () -> Retries::rejectedByDatabase);
        this.appealDecisions = new RecordConsumer<>(AppealDecisionReader::read, deadLetter::enforcement, tracing.propagator(),
                () -> Retries::rejectedByDatabase);
    }

    @Incoming("enforcement-outcomes")
    public Uni<Void> outcome(ConsumerRecord<String, byte[]> record) {
        return store(outcomes, record, m -> "outcome of enforcement " + m.enforcementId() + " (" + m.transition() + ")");
    }

    @Incoming("appeal-decisions")
    public Uni<Void> appealDecision(ConsumerRecord<String, byte[]> record) {
        return store(appealDecisions, record, m -> "denied appeal on enforcement " + m.enforcementId() + " of " + m.accountId());
    }

    /** The message is written in the trace of the decision that caused it, its ids on every line meanwhile. */
    private Uni<Void> store(RecordConsumer<NewNotification> consumer, ConsumerRecord<String, byte[]> record, Function<NewNotification, String> what) {
        Executor onContext = OnContext.current();
        return consumer.consume(record, message -> new RecordConsumer.Work(
                LogContext.Ids.ofEnforcement(message.enforcementId(), message.accountId()),
                what.apply(message),
                () -> Uni.createFrom().deferred(() -> notifier.handle(message)).runSubscriptionOn(onContext)));
    }
}
