package dev.integrity.notify.messaging;

import java.util.List;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.kafka.CloudEvents;
import dev.integrity.kafka.DeadLetter;
import dev.integrity.kafka.RecordConsumer;
import dev.integrity.kafka.Retries;
import dev.integrity.notify.model.NotificationSnapshot;
import dev.integrity.notify.model.RemediationEvent;
import dev.integrity.notify.service.NotificationMetrics;
import dev.integrity.notify.service.OnContext;
import dev.integrity.notify.service.RemediationService;
import dev.integrity.observability.LogContext;
import dev.integrity.observability.Tracing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Follows {@code account-events} (its own consumer group, a Kafka batch at a time) for the two
 * events that resolve warnings: PASSWORD_CHANGED and APP_REVOKED. Everything else is skipped
 * without touching the database, and without parsing it when its {@code ce_type} header names its
 * type (the stream's bulk is follows and likes, and this consumer would otherwise parse them all).
 * The batch's records are handled one after the other, each as a single record is (see
 * {@link RecordConsumer}). Recording a step is idempotent (the latest time per step is kept), so
 * redelivery is harmless.
 */
@ApplicationScoped
public class AccountEventConsumer {

    private static final Logger LOG = Logger.getLogger(AccountEventConsumer.class);

    private final RemediationService remediation;
    private final NotificationMetrics metrics;
    private final RecordConsumer<RemediationEvent> steps;

    public AccountEventConsumer(RemediationService remediation, DeadLetter deadLetter, NotificationMetrics metrics, Tracing tracing) {
        this.remediation = remediation;
        this.metrics = metrics;
        this.steps = new RecordConsumer<>(RemediationReader::read, deadLetter::accountEvent, tracing.propagator(),
                () -> Retries::rejectedByDatabase);
    }

    @Incoming("remediation-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        Executor onContext = OnContext.current();
        // One record after the other as a stream, not a chain of thousands of nested Unis (a batch holds up to
        // max.poll.records, and such a chain overflows the stack when it completes synchronously).
        return Multi.createFrom().iterable(records)
                // named by its ce_type header as a type resolution does not need: not even parsed
                .filter(record -> !RemediationReader.skippable(CloudEvents.accountEventType(record.headers())))
                .onItem().transformToUniAndConcatenate(record -> steps.consume(record, event -> new RecordConsumer.Work(
                        LogContext.Ids.ofEvent(event.eventId(), event.accountId()),
                        event.step() + " " + event.eventId() + " of " + event.accountId(),
                        () -> Uni.createFrom().deferred(() -> remediation.record(event)).runSubscriptionOn(onContext)
                                .invoke(resolved -> report(event, resolved)).replaceWithVoid())))
                .onItem().ignoreAsUni();
    }

    private void report(RemediationEvent event, List<NotificationSnapshot> resolved) {
        metrics.remediationStep(event.step());
        LOG.debugf("remediation step: account=%s step=%s app=%s event=%s", event.accountId(), event.step(), event.appId(), event.eventId());
        for (NotificationSnapshot warning : resolved) {
            metrics.resolved(warning.kind());
            LOG.infof("notification resolved: id=%s kind=%s account=%s enforcement=%s by=%s",
                    warning.id(), warning.kind(), warning.accountId(), warning.enforcementId(), event.eventId());
        }
    }
}
