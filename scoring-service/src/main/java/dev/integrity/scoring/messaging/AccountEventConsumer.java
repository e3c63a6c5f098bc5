package dev.integrity.scoring.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventValidator;
import dev.integrity.kafka.EventBatch;
import dev.integrity.scoring.repository.StaleStateException;
import dev.integrity.scoring.service.ScoringPipeline;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * Scores {@code account-events} a Kafka batch at a time (partitioned by account, so replicas in the
 * consumer group share the work). Offsets are committed after the batch is processed; an outage of
 * Redis or PostgreSQL is retried, an unusable record goes to the dead-letter topic.
 */
@ApplicationScoped
public class AccountEventConsumer {

    private static final Logger LOG = Logger.getLogger(AccountEventConsumer.class);

    private final ScoringPipeline pipeline;
    private final EventValidator validator;
    private final DeadLetters deadLetters;
    private final DistributionSummary batchSizes;
    private final Timer decisionLatency;

    public AccountEventConsumer(ScoringPipeline pipeline, EventValidator validator, DeadLetters deadLetters, MeterRegistry registry) {
        this.pipeline = pipeline;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.batchSizes = DistributionSummary.builder("scoring.batch.size").description("Records per scoring batch").register(registry);
        this.decisionLatency = Timer.builder("scoring.decision.latency")
                .description("From the event's acceptance (its Kafka timestamp, set by ingest) to scoring's decision on it")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    @Incoming("account-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        batchSizes.record(records.count());
        EventBatch batch = EventBatch.read(records, validator);
        List<AccountEvent> events = batch.events();
        List<Uni<Void>> dead = batch.unusable().stream().map(u -> deadLetters.send(u.record(), u.problem())).toList();
        Uni<Void> deadLettered = dead.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(dead).andFailFast().replaceWithVoid();
        return deadLettered.chain(() -> pipeline.process(events)
                .onFailure().invoke(e -> {
                    if (e instanceof StaleStateException) {
                        LOG.debugf("scoring batch of %d redone: %s", events.size(), e.getMessage());
                    } else {
                        LOG.warnf(e, "scoring batch of %d failed, retrying", events.size());
                    }
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(15)).indefinitely())
                .invoke(() -> {
                    long now = System.currentTimeMillis();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        decisionLatency.record(Math.max(0, now - record.timestamp()), java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                })
                .replaceWithVoid();
    }
}
