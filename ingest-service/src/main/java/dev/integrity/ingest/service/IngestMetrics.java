package dev.integrity.ingest.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import dev.integrity.contract.enforcement.EnforcementCommand;
import dev.integrity.kafka.ConsumerLag;
import dev.integrity.kafka.IncomingChannels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * ingest-service's metrics home: every counter, with every value of its labels, registered at start
 * (value 0), so an alert on a rate sees the first event; and the consumer lag of each of its groups.
 * Prometheus names: {@code ingest_events_total{outcome}}, {@code ingest_events_published_total},
 * {@code ingest_events_publish_failed_total}, {@code ingest_ledger_events_total},
 * {@code ingest_enforcements_late_outcomes_total}, {@code ingest_enforcement_commands_total{kind}},
 * {@code ingest_dead_letters_total{topic}}, {@code ingest_actions_relayed_total},
 * {@code integrity_consumer_lag_records{group}}; summaries {@code ingest_publish_batch_size},
 * {@code ingest_ledger_batch_size}.
 */
@Startup
@ApplicationScoped
public class IngestMetrics {

    /** The outcomes of an event sent to ingest. */
    private static final List<String> OUTCOMES = List.of("accepted", "duplicate", "rejected");

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry, Config config, KafkaClientService kafka) {
        this.registry = registry;
        OUTCOMES.forEach(this::events);
        for (EnforcementCommand.Kind kind : EnforcementCommand.Kind.values()) {
            enforcementCommand(kind);
        }
        IncomingChannels.topics(config).forEach(this::deadLetterCounter);
        published();
        publishFailed();
        publishBatchSize();
        ledgered();
        ledgerBatchSize();
        lateOutcomes();
        actionsRelayed();
        ConsumerLag.register(registry, config, kafka);
    }

    // Each meter is named and described once, in its method; asked again, the registry hands back the one registered at start.

    /** Events sent to ingest by outcome: accepted, duplicate or rejected. */
    public Counter events(String outcome) {
        return counter("ingest.events", "Events sent to ingest, by outcome", "outcome", outcome);
    }

    public Counter published() {
        return counter("ingest.events.published", "Events acknowledged by Kafka");
    }

    public Counter publishFailed() {
        return counter("ingest.events.publish.failed", "Events Kafka did not acknowledge");
    }

    public DistributionSummary publishBatchSize() {
        return summary("ingest.publish.batch.size", "Events sent to Kafka per request");
    }

    public Counter ledgered() {
        return counter("ingest.ledger.events", "New events written to the ledger");
    }

    public DistributionSummary ledgerBatchSize() {
        return summary("ingest.ledger.batch.size", "Records per ledger batch");
    }

    public Counter lateOutcomes() {
        return counter("ingest.enforcements.late.outcomes", "Enforcement outcomes reported again after late engagement in their scope was removed");
    }

    public Counter actionsRelayed() {
        return counter("ingest.actions.relayed", "Platform actions published to the actions topic");
    }

    /** An enforcement command executed. */
    public void executed(EnforcementCommand.Kind kind) {
        enforcementCommand(kind).increment();
    }

    private Counter enforcementCommand(EnforcementCommand.Kind kind) {
        return counter("ingest.enforcement.commands", "Enforcement commands executed, by kind", "kind", kind.name());
    }

    private Counter deadLetterCounter(String topic) {
        return counter("ingest.dead.letters", "Records moved to a dead-letter topic, by the topic they came from", "topic", topic);
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private DistributionSummary summary(String name, String description) {
        return DistributionSummary.builder(name).description(description).register(registry);
    }
}
