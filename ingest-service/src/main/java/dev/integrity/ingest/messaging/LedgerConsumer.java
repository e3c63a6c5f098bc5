package dev.integrity.ingest.messaging;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventValidator;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.ingest.repository.EnforcementLedger;
import dev.integrity.ingest.repository.LedgerRepository;
import dev.integrity.ingest.service.IngestMetrics;
import dev.integrity.kafka.BatchConsumer;
import dev.integrity.kafka.DeadLetter;
import dev.integrity.kafka.EventBatch;
import io.micrometer.core.instrument.Counter;
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
    private final BatchConsumer<AccountEvent> batches;
    private final Counter ledgered;
    private final Counter lateRemovals;

    public LedgerConsumer(LedgerRepository ledger, EnforcementLedger enforcements, EnforcementReports reports, EventValidator validator,
            DeadLetter deadLetter, IngestMetrics metrics) {
        this.ledger = ledger;
        this.enforcements = enforcements;
        this.reports = reports;
        this.batches = new BatchConsumer<>(EventBatch.reader(validator), deadLetter::accountEvent, metrics.ledgerBatchSize());
        this.ledgered = metrics.ledgered();
        this.lateRemovals = metrics.lateOutcomes();
    }

    @Incoming("ledger")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return batches.consume(records, batch -> {
            List<AccountEvent> events = batch.values();
            // Engagement of an account with an applied enforcement may have arrived late: it is removed
            // too if the enforcement's scope covers it. Checked for every batch's engaging accounts, new
            // events or redelivered, so a crash between the two steps is caught up on redelivery.
            Set<String> engaging = new TreeSet<>();
            events.stream().filter(e -> e.type().isEngagement()).forEach(e -> engaging.add(e.accountId()));
            return ledger.record(events)
                    .invoke(fresh -> ledgered.increment(fresh))
                    .chain(() -> enforcements.applyLate(engaging))
                    .chain(this::report);
        }, e -> LOG.warnf("ledger batch of %d records failed, retrying: %s", records.count(), e.getMessage()));
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
