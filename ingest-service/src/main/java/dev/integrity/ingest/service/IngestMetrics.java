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
    public static final List<String> OUTCOMES = List.of("accepted", "duplicate", "rejected");

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter publishFailed;
    private final DistributionSummary publishBatchSize;
    private final Counter ledgered;
    private final DistributionSummary ledgerBatchSize;
    private final Counter lateOutcomes;
    private final Counter actionsRelayed;

    public IngestMetrics(MeterRegistry registry, Config config, KafkaClientService kafka) {
        this.registry = registry;
        OUTCOMES.forEach(this::events);
        for (EnforcementCommand.Kind kind : EnforcementCommand.Kind.values()) {
            enforcementCommand(kind);
        }
        IncomingChannels.topics(config).forEach(this::deadLetterCounter);
        this.published = Counter.builder("ingest.events.published").description("Events acknowledged by Kafka").register(registry);
        this.publishFailed = Counter.builder("ingest.events.publish.failed").description("Events Kafka did not acknowledge").register(registry);
        this.publishBatchSize = DistributionSummary.builder("ingest.publish.batch.size").description("Events sent to Kafka per request")
                .register(registry);
        this.ledgered = Counter.builder("ingest.ledger.events").description("New events written to the ledger").register(registry);
        this.ledgerBatchSize = DistributionSummary.builder("ingest.ledger.batch.size").description("Records per ledger batch").register(registry);
        this.lateOutcomes = Counter.builder("ingest.enforcements.late.outcomes")
                .description("Enforcement outcomes reported again after late engagement in their scope was removed").register(registry);
        this.actionsRelayed = Counter.builder("ingest.actions.relayed").description("Platform actions published to the actions topic")
                .register(registry);
        ConsumerLag.register(registry, config, kafka);
    }

    /** Events sent to ingest by outcome: accepted, duplicate or rejected. */
    public Counter events(String outcome) {
        return Counter.builder("ingest.events").description("Events sent to ingest, by outcome").tag("outcome", outcome).register(registry);
    }

    public Counter published() {
        return published;
    }

    public Counter publishFailed() {
        return publishFailed;
    }

    public DistributionSummary publishBatchSize() {
        return publishBatchSize;
    }

    public Counter ledgered() {
        return ledgered;
    }

    public DistributionSummary ledgerBatchSize() {
        return ledgerBatchSize;
    }

    public Counter lateOutcomes() {
        return lateOutcomes;
    }

    public Counter actionsRelayed() {
        return actionsRelayed;
    }

    /** An enforcement command executed. */
    public void executed(EnforcementCommand.Kind kind) {
        enforcementCommand(kind).increment();
    }

    private Counter enforcementCommand(EnforcementCommand.Kind kind) {
        return Counter.builder("ingest.enforcement.commands").description("Enforcement commands executed, by kind").tag("kind", kind.name())
                .register(registry);
    }

    public void deadLetter(String topic) {
        deadLetterCounter(topic).increment();
    }

    private Counter deadLetterCounter(String topic) {
        return Counter.builder("ingest.dead.letters").description("Records moved to a dead-letter topic, by the topic they came from")
                .tag("topic", topic).register(registry);
    }
}
