package dev.integrity.scoring.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.integrity.scoring.model.LockstepHit;
import dev.integrity.scoring.stream.InternalFormat;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a lockstep hit for an account outside the decided batch back to the feature store, keyed by
 * the account, so that the account's own partition answers with its features and the hit (a group
 * reaches back to its early members, whose features live wherever their partition is).
 */
@ApplicationScoped
public class ReachBackPublisher {

    private final MutinyEmitter<byte[]> reach;

    public ReachBackPublisher(@Channel("lockstep-reach") MutinyEmitter<byte[]> reach) {
        this.reach = reach;
    }

    public Uni<Void> send(List<LockstepHit> hits) {
        if (hits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(hits.stream().map(this::send).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(LockstepHit hit) {
        try {
            return reach.sendMessage(Message.of(InternalFormat.mapper().writeValueAsBytes(hit))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(hit.accountId()).build()));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
