package dev.integrity.ingest.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventValidator;
import dev.integrity.kafka.EventBatch;
import dev.integrity.ingest.repository.LedgerRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Feeds the activity ledger from {@code account-events}, a Kafka batch at a time. Offsets are
 * committed only after the batch is in PostgreSQL; a database outage is retried (the partition
 * waits, nothing is skipped); an unreadable or invalid record goes to the dead-letter topic.
 */
@ApplicationScoped
public class LedgerConsumer {

    private static final Logger LOG = Logger.getLogger(LedgerConsumer.class);

    private final LedgerRepository ledger;
    private final EventValidator validator;
    private final DeadLetters deadLetters;
    private final Counter ledgered;
    private final DistributionSummary batchSizes;

    public LedgerConsumer(LedgerRepository ledger, EventValidator validator, DeadLetters deadLetters, MeterRegistry registry) {
        this.ledger = ledger;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.ledgered = Counter.builder("ingest.ledger.events").description("New events written to the ledger").register(registry);
        this.batchSizes = DistributionSummary.builder("ingest.ledger.batch.size").description("Records per ledger batch").register(registry);
    }

    @Incoming("ledger")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        batchSizes.record(records.count());
        EventBatch batch = EventBatch.read(records, validator);
        List<AccountEvent> events = batch.events();
        List<Uni<Void>> dead = batch.unusable().stream().map(u -> deadLetters.event(u.record(), u.problem())).toList();
        Uni<Void> deadLettered = dead.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(dead).andFailFast().replaceWithVoid();
        return deadLettered.chain(() -> ledger.record(events)
                .onFailure().invoke(e -> LOG.warnf("ledger batch of %d failed, retrying: %s", events.size(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(15)).indefinitely())
                .invoke(fresh -> ledgered.increment(fresh))
                .replaceWithVoid();
    }
}
