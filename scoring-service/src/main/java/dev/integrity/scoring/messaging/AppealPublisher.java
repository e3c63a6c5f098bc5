package dev.integrity.scoring.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.integrity.contract.review.AppealDecision;
import dev.integrity.kafka.CloudEvents;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Publishes appeal decisions on {@code appeal.decisions}, keyed by account, for the account's message. */
@ApplicationScoped
public class AppealPublisher {

    private final MutinyEmitter<byte[]> decisions;

    public AppealPublisher(@Channel("appeal-decisions") MutinyEmitter<byte[]> decisions) {
        this.decisions = decisions;
    }

    /** Completes once Kafka has the record. */
    public Uni<Void> send(AppealDecision decision) {
        return CloudEvents.send(decisions, decision.accountId(), decision, CloudEvents.headers(decision.appealId() + ":" + decision.status(),
                "dev.integrity.appeal.decision." + decision.status(), "/scoring-service"), Context.current());
    }
}
