package dev.integrity.scoring.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.review.AppealDecision;
import dev.integrity.kafka.CloudEvents;
import io.smallrye.mutiny.Uni;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes appeal decisions on {@code appeal.decisions}, keyed by account, for the account's message. */
@ApplicationScoped
public class AppealPublisher {

    private final MutinyEmitter<byte[]> decisions;

    public AppealPublisher(@Channel("appeal-decisions") MutinyEmitter<byte[]> decisions) {
        this.decisions = decisions;
    }

    /** Completes once Kafka has the record. */
    public Uni<Void> send(AppealDecision decision) {
        try {
            byte[] json = EventJson.mapper().writeValueAsBytes(decision);
            return decisions.sendMessage(Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                    .withKey(decision.accountId())
                    .withHeaders(CloudEvents.headers(decision.appealId() + ":" + decision.status(),
                            "dev.integrity.appeal.decision." + decision.status(), "/scoring-service"))
                    .build()).addMetadata(TracingMetadata.withCurrent(Context.current())));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
