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
 * Tells the account when a moderator denied its appeal ({@code appeal.decisions}, keyed by
 * accountId): one APPEAL_DENIED message per denied appeal, through the same notifier as the
 * enforcement outcomes, so it is stored once (keyed by the enforcement, which has at most one
 * appeal, and the transition APPEAL_DENIED), capped, pushed live and rescinded by a later reversal
 * like them. GRANTED decisions are skipped: the revert they cause gives ENFORCEMENT_REVERSED. The
 * offset is committed only after the message is stored; an outage is retried; a record that can
 * never be used goes to {@code enforcement.dlq}.
 */
@ApplicationScoped
public class AppealDecisionConsumer {

    private static final Logger LOG = Logger.getLogger(AppealDecisionConsumer.class);

    private final EnforcementNotifier notifier;
    private final DeadLetters deadLetters;
    private final Tracing tracing;

    public AppealDecisionConsumer(EnforcementNotifier notifier, DeadLetters deadLetters, Tracing tracing) {
        this.notifier = notifier;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    @Incoming("appeal-decisions")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        NewNotification message;
        try {
            message = AppealDecisionReader.read(record.value());
        } catch (UnusableRecordException e) {
            return Retries.untilDone(deadLetters.appealDecision(record, e.getMessage()));
        }
        if (message == null) {
            return Uni.createFrom().voidItem(); // GRANTED: its revert's outcome tells the account
        }
        Executor onContext = OnContext.current();
        // The message is written in the trace of the decision that caused it, its ids on every line meanwhile.
        return LogContext.around(TraceHeaders.extract(tracing.propagator(), record.headers()),
                LogContext.ids(LogContext.ENFORCEMENT_ID, message.enforcementId(), LogContext.ACCOUNT_ID, message.accountId()),
                () -> Retries.whileTransient(Uni.createFrom().deferred(() -> notifier.handle(message)).runSubscriptionOn(onContext),
                e -> LOG.warnf("denied appeal on enforcement %s of %s failed, retrying: %s",
                        message.enforcementId(), message.accountId(), e.toString()))
                .onFailure().recoverWithUni(e -> Retries.untilDone(
                        deadLetters.appealDecision(record, "rejected by the database: " + e.getMessage()))));
    }
}
