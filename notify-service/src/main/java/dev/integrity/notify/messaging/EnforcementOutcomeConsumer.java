package dev.integrity.notify.messaging;

import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.notify.model.NewNotification;
import dev.integrity.notify.service.EnforcementNotifier;
import dev.integrity.notify.service.OnContext;
import dev.integrity.kafka.TraceHeaders;
import dev.integrity.observability.LogContext;
import dev.integrity.observability.Tracing;
import io.smallrye.mutiny.Uni;

/**
 * Creates the message for each outcome on {@code enforcement.applied} (keyed by accountId, so an
 * account's outcomes arrive in order). The offset is committed only after the message is stored;
 * a redelivery finds it there and creates nothing. An outage is retried (the partition waits,
 * nothing is skipped); a record that can never be used goes to {@code enforcement.dlq}.
 */
@ApplicationScoped
public class EnforcementOutcomeConsumer {

    private static final Logger LOG = Logger.getLogger(EnforcementOutcomeConsumer.class);

    private final EnforcementNotifier notifier;
    private final DeadLetters deadLetters;
    private final Tracing tracing;

    public EnforcementOutcomeConsumer(EnforcementNotifier notifier, DeadLetters deadLetters, Tracing tracing) {
        this.notifier = notifier;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    @Incoming("enforcement-outcomes")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        NewNotification message;
        try {
            message = OutcomeReader.read(record.value());
        } catch (UnusableRecordException e) {
            return Retries.untilDone(deadLetters.outcome(record, e.getMessage()));
        }
        Executor onContext = OnContext.current();
        // The message is written in the trace of the decision that caused it, its ids on every line meanwhile.
        return LogContext.around(TraceHeaders.extract(tracing.propagator(), record.headers()),
                LogContext.ids(LogContext.ENFORCEMENT_ID, message.enforcementId(), LogContext.ACCOUNT_ID, message.accountId()),
                () -> Retries.whileTransient(Uni.createFrom().deferred(() -> notifier.handle(message)).runSubscriptionOn(onContext),
                e -> LOG.warnf("outcome of enforcement %s (%s) failed, retrying: %s",
                        message.enforcementId(), message.transition(), e.toString()))
                .onFailure().recoverWithUni(e -> Retries.untilDone(
                        deadLetters.outcome(record, "rejected by the database: " + e.getMessage()))));
    }
}
