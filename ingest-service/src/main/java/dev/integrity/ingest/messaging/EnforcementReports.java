package dev.integrity.ingest.messaging;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.Impact;
import dev.integrity.kafka.CloudEvents;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The ledger's reports to scoring and notify: impacts on {@code enforcement.impact}, outcomes on
 * {@code enforcement.applied}, keyed by account, with CloudEvents headers. An outcome reported
 * again after late engagement was removed carries its new counts; its consumers key their
 * idempotency on (enforcementId, status), so it moves no ladder and sends no second message.
 */
@ApplicationScoped
public class EnforcementReports {

    private static final String SOURCE = "/ingest-service";

    @Inject
    @Channel("enforcement-impact")
    MutinyEmitter<byte[]> impacts;
    @Inject
    @Channel("enforcement-applied")
    MutinyEmitter<byte[]> outcomes;

    public Uni<Void> impact(Impact impact) {
        return send(impacts, impact.accountId(), impact, "dev.integrity.enforcement.impact", impact.enforcementId() + ":impact");
    }

    public Uni<Void> outcome(EnforcementOutcome outcome) {
        String type = "dev.integrity.enforcement." + outcome.status();
        return send(outcomes, outcome.accountId(), outcome, type,
                outcome.enforcementId() + ":" + type + ":" + outcome.removed().total());
    }

    private static Uni<Void> send(MutinyEmitter<byte[]> emitter, String key, Object payload, String type, String id) {
        // Sent in the trace of the work that reports (the command's, or the late engagement's).
        return CloudEvents.send(emitter, key, payload, CloudEvents.headers(id, type, SOURCE), Context.current());
    }
}
