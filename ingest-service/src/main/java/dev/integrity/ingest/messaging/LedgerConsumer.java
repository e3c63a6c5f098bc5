package dev.integrity.ingest.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventValidator;
import dev.integrity.ingest.service.IngestMetrics;
import dev.integrity.kafka.EventBatch;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.ingest.repository.EnforcementLedger;
import dev.integrity.ingest.repository.LedgerRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
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
    private final EnforcementLedger enforcements;
    private final EnforcementReports reports;
    private final EventValidator validator;
    private final DeadLetters deadLetters;
    private final Counter ledgered;
    private final DistributionSummary batchSizes;
    private final Counter lateRemovals;

    public LedgerConsumer(LedgerRepository ledger, EnforcementLedger enforcements, EnforcementReports reports, EventValidator validator,
            DeadLetters deadLetters, IngestMetrics metrics) {
        this.ledger = ledger;
        this.enforcements = enforcements;
        this.reports = reports;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.ledgered = metrics.ledgered();
        this.batchSizes = metrics.ledgerBatchSize();
        this.lateRemovals = metrics.lateOutcomes();
    }

    @Incoming("ledger")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        batchSizes.record(records.count());
        EventBatch batch = EventBatch.read(records, validator);
        List<AccountEvent> events = batch.events();
        List<Uni<Void>> dead = batch.unusable().stream().map(u -> deadLetters.event(u.record(), u.problem())).toList();
        Uni<Void> deadLettered = dead.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(dead).andFailFast().replaceWithVoid();
        // Engagement of an account with an applied enforcement may have arrived late: it is removed
        // too if the enforcement's scope covers it. Checked for every batch's engaging accounts, new
        // events or redelivered, so a crash between the two steps is caught up on redelivery.
        Set<String> engaging = new TreeSet<>();
        events.stream().filter(e -> e.type().isEngagement()).forEach(e -> engaging.add(e.accountId()));
        return deadLettered.chain(() -> ledger.record(events)
                .invoke(fresh -> ledgered.increment(fresh))
                .chain(() -> enforcements.applyLate(engaging))
                .chain(this::report)
                .onFailure().invoke(e -> LOG.warnf("ledger batch of %d failed, retrying: %s", events.size(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(15)).indefinitely());
    }

    private Uni<Void> report(List<EnforcementOutcome> changed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EnforcementOutcome outcome : changed) {
            LOG.infof("enforcement %s for %s: late engagement removed, now %s", outcome.enforcementId(), outcome.accountId(), outcome.removed());
            lateRemovals.increment(outcome.removed().total());
            chain = chain.chain(() -> reports.outcome(outcome));
        }
        return chain;
    }
}
