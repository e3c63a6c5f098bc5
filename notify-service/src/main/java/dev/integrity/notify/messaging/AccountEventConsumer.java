package dev.integrity.notify.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.kafka.CloudEvents;
import dev.integrity.notify.model.NotificationSnapshot;
import dev.integrity.notify.model.RemediationEvent;
import dev.integrity.notify.service.NotificationMetrics;
import dev.integrity.notify.service.OnContext;
import dev.integrity.notify.service.RemediationService;
import io.smallrye.mutiny.Uni;

/**
 * Follows {@code account-events} (its own consumer group, a Kafka batch at a time) for the two
 * events that resolve warnings: PASSWORD_CHANGED and APP_REVOKED. Everything else is skipped
 * without touching the database, and without parsing it when its {@code ce_type} header names its
 * type (the stream's bulk is follows and likes, and this consumer would otherwise parse them all). Recording a step is idempotent (the latest time per step is
 * kept), so redelivery is harmless.
 */
@ApplicationScoped
public class AccountEventConsumer {

    private static final Logger LOG = Logger.getLogger(AccountEventConsumer.class);

    private final RemediationService remediation;
    private final DeadLetters deadLetters;
    private final NotificationMetrics metrics;

    public AccountEventConsumer(RemediationService remediation, DeadLetters deadLetters, NotificationMetrics metrics) {
        this.remediation = remediation;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    private record Step(ConsumerRecord<String, byte[]> record, RemediationEvent event) {
    }

    @Incoming("remediation-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        Executor onContext = OnContext.current();
        List<Step> steps = new ArrayList<>();
        Uni<Void> work = Uni.createFrom().voidItem();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (RemediationReader.skippable(CloudEvents.accountEventType(record.headers()))) {
                continue; // named by its ce_type header as a type resolution does not need: not even parsed
            }
            try {
                RemediationEvent event = RemediationReader.read(record.value());
                if (event != null) {
                    steps.add(new Step(record, event));
                }
            } catch (UnusableRecordException e) {
                Uni<Void> deadLetter = Retries.untilDone(deadLetters.event(record, e.getMessage()));
                work = work.chain(() -> deadLetter);
            }
        }
        for (Step step : steps) {
            work = work.chain(() -> record(step, onContext));
        }
        return work;
    }

    private Uni<Void> record(Step step, Executor onContext) {
        RemediationEvent event = step.event();
        return Retries.whileTransient(Uni.createFrom().deferred(() -> remediation.record(event)).runSubscriptionOn(onContext),
                e -> LOG.warnf("%s %s of %s failed, retrying: %s", event.step(), event.eventId(), event.accountId(), e.toString()))
                .invoke(resolved -> report(event, resolved))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> Retries.untilDone(
                        deadLetters.event(step.record(), "rejected by the database: " + e.getMessage())));
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
