package dev.integrity.ingest.messaging;


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

    /** IMPACT waits until the ledger has caught up with the proposal (see {@link EnforcementLedger#caughtUpWith}). */
    private Uni<Void> caughtUp(EnforcementCommand command, long sentAt) {
        return command.kind() == EnforcementCommand.Kind.IMPACT ? ledger.caughtUpWith(command.scope(), sentAt) : Uni.createFrom().voidItem();
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
