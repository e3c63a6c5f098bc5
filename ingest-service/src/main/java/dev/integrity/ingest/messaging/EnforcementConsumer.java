package dev.integrity.ingest.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.contract.enforcement.EnforcementCommand;
import dev.integrity.ingest.repository.EnforcementLedger;
import dev.integrity.ingest.service.IngestMetrics;
import dev.integrity.kafka.DeadLetter;
import dev.integrity.kafka.RecordConsumer;
import dev.integrity.kafka.RecordReader;
import dev.integrity.kafka.UnusableRecordException;
import dev.integrity.observability.LogContext;
import dev.integrity.observability.Tracing;
import io.smallrye.mutiny.Uni;

/**
 * Carries out scoring's enforcement commands on the ledger and reports back: IMPACT on
 * {@code enforcement.impact}, APPLY / REVERT on {@code enforcement.applied}. The report is sent
 * before the command is acknowledged, and recomputed from stored state on redelivery, so a crash
 * between the two repeats the report, never the removal.
 */
@ApplicationScoped
public class EnforcementConsumer {

    private static final Logger LOG = Logger.getLogger(EnforcementConsumer.class);

    private static final Duration LEDGER_WAIT = Duration.ofSeconds(10);

    private final EnforcementLedger ledger;
    private final EnforcementReports reports;
    private final IngestMetrics metrics;
    private final RecordConsumer<EnforcementCommand> commands;

    public EnforcementConsumer(EnforcementLedger ledger, DeadLetter deadLetter, EnforcementReports reports, IngestMetrics metrics,
            Tracing tracing) {
        this.ledger = ledger;
        this.reports = reports;
        this.metrics = metrics;
        // Every failure is retried: a command is carried out once the ledger can, never skipped.
        this.commands = new RecordConsumer<>(EnforcementConsumer::read, deadLetter::enforcement, tracing.propagator(),
                RecordConsumer.neverPermanent());
    }

    @Incoming("enforcement-commands")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        long sentAt = record.timestamp();
        // The command's trace goes on in the reports it causes; its ids are on every line logged meanwhile.
        return commands.consume(record, command -> new RecordConsumer.Work(
                LogContext.Ids.ofEnforcement(command.enforcementId(), command.scope().accountId()),
                "enforcement " + command.kind() + " " + command.enforcementId(),
                () -> caughtUp(command, sentAt).chain(() -> execute(command))));
    }

    private static EnforcementCommand read(byte[] value) throws UnusableRecordException {
        EnforcementCommand command = RecordReader.json(value, EnforcementCommand.class, "enforcement command");
        if (command.kind() == null || command.scope() == null || command.enforcementId() == null || command.scope().accountId() == null) {
            throw new UnusableRecordException("enforcement command lacks kind, enforcementId or accountId");
        }
        return command;
    }

    /**
     * Scoring may propose from events the ledger has not written yet (both consume account-events,
     * each at its own pace). An impact computed then would miss engagement and slip past the guard,
     * so IMPACT waits (by failing and being retried) until the ledger has the account's events up
     * to the proposal's time; after a bounded wait it goes ahead with what the ledger has.
     */
    private Uni<Void> caughtUp(EnforcementCommand command, long sentAt) {
        if (command.kind() != EnforcementCommand.Kind.IMPACT || command.scope().to() == null
                || System.currentTimeMillis() - sentAt > LEDGER_WAIT.toMillis()) {
            return Uni.createFrom().voidItem();
        }
        return ledger.hasEventsUpTo(command.scope().accountId(), command.scope().to()).chain(ready -> ready
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new IllegalStateException("the ledger has not caught up with " + command.scope().accountId() + " yet")));
    }

    private Uni<Void> execute(EnforcementCommand command) {
        String id = command.enforcementId();
        metrics.executed(command.kind());
        return switch (command.kind()) {
            case IMPACT -> ledger.impact(command.scope()).chain(reports::impact);
            case APPLY -> ledger.apply(command.scope()).chain(outcome -> {
                LOG.infof("enforcement %s for %s: %s, removed %s", id, outcome.accountId(), outcome.status(), outcome.removed());
                return reports.outcome(outcome);
            });
            case REVERT -> ledger.revert(id).chain(outcome -> {
                if (outcome == null) {
                    LOG.warnf("revert of unknown or never applied enforcement %s ignored", id);
                    return Uni.createFrom().voidItem();
                }
                LOG.infof("enforcement %s for %s: %s", id, outcome.accountId(), outcome.status());
                return reports.outcome(outcome);
            });
        };
    }
}
