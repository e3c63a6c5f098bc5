package dev.integrity.notify.service;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import dev.integrity.kafka.ConsumerLag;
import dev.integrity.kafka.IncomingChannels;
import dev.integrity.notify.model.NotificationKind;
import dev.integrity.notify.model.RemediationStep;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * The service's counters, in one place so that their names and tags stay consistent; every one, with
 * every value of its labels, registered at start (value 0), so an alert on a rate sees the first
 * increment. Also the consumer lag of each of its groups ({@code integrity_consumer_lag_records{group}}).
 */
@Startup
@ApplicationScoped
public class NotificationMetrics {

    private static final List<String> MESSAGE_COUNTERS = List.of("notify.messages.created", "notify.messages.suppressed",
            "notify.messages.resolved", "notify.messages.rescinded");

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry, Config config, KafkaClientService kafka) {
        this.registry = registry;
        for (String name : MESSAGE_COUNTERS) {
            for (NotificationKind kind : NotificationKind.values()) {
                registry.counter(name, "kind", kind.name());
            }
        }
        registry.counter("notify.outcomes.duplicates");
        for (String step : List.of(RemediationStep.PASSWORD_CHANGED, RemediationStep.APP_REVOKED)) {
            registry.counter("notify.remediation.steps", "step", step);
        }
        registry.counter("notify.cap.unavailable");
        // Counted by the suite's DeadLetter (service-support's DeadLetterChannels) under this name.
        for (String topic : IncomingChannels.topics(config)) {
            registry.counter("notify.dead.letters", "topic", topic);
        }
        registry.counter("notify.live.publish.failed");
        ConsumerLag.register(registry, config, kafka);
    }

    /** A message was created (and shown) for an enforcement transition. */
    public void created(NotificationKind kind) {
        registry.counter("notify.messages.created", "kind", kind.name()).increment();
    }

    /** A message was recorded but held back by the per-account cap. */
    public void suppressed(NotificationKind kind) {
        registry.counter("notify.messages.suppressed", "kind", kind.name()).increment();
    }

    /** A warning was resolved: the account changed its password and revoked every app named. */
    public void resolved(NotificationKind kind) {
        registry.counter("notify.messages.resolved", "kind", kind.name()).increment();
    }

    /** An earlier message was withdrawn because its enforcement was reverted. */
    public void rescinded(NotificationKind kind) {
        registry.counter("notify.messages.rescinded", "kind", kind.name()).increment();
    }

    /** A redelivered or duplicate outcome: its transition already had its message. */
    public void duplicate() {
        registry.counter("notify.outcomes.duplicates").increment();
    }

    /** A remediation step (password change, app revocation) was recorded. */
    public void remediationStep(String step) {
        registry.counter("notify.remediation.steps", "step", step).increment();
    }

    /** Redis did not answer the cap in time; the message was delivered. */
    public void capUnavailable() {
        registry.counter("notify.cap.unavailable").increment();
    }

    /** A new message could not be published to the live channel (it is in the inbox all the same). */
    public void livePublishFailed() {
        registry.counter("notify.live.publish.failed").increment();
    }

    /** Registers the gauge of open SSE streams on this replica. */
    public void sseClients(Supplier<Number> count) {
        Gauge.builder("notify.sse.clients", count).description("Open notification streams on this replica").register(registry);
    }
}
