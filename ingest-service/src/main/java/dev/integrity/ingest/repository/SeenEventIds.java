package dev.integrity.ingest.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.ingest.config.IngestConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The eventIds already taken, shared by every ingest replica through Redis. A claim marks an id in
 * flight ({@code SET NX} with a short time to live); once Kafka has the event the id is confirmed
 * published for the retention window. Only a published id is a duplicate: an id left in flight by a
 * request that died between claiming and publishing (a killed replica) is claimed again by the next
 * request that carries it, so an event answered 202 is never one that no one published. Two requests
 * in flight with the same event may then both publish it; every consumer drops the second copy by
 * eventId. Claims, confirmations and releases go in pipelined batches, never one round trip per event.
 */
@ApplicationScoped
public class SeenEventIds {

    private static final String PREFIX = "ingest:seen:";
    private static final String IN_FLIGHT = "pending";
    private static final String PUBLISHED = "1";
    private static final int CHUNK = 1000;

    private final Redis redis;
    private final long retentionSeconds;
    private final long pendingSeconds;

    public SeenEventIds(Redis redis, IngestConfig config) {
        this.redis = redis;
        this.retentionSeconds = config.dedupeRetention().toSeconds();
        this.pendingSeconds = config.dedupePending().toSeconds();
    }

    /**
     * Claims the given ids; answers the ones now claimed by the caller: never seen, or left in flight
     * by a claim whose publication was never confirmed. ({@code SET NX GET} answers the value already
     * there, nil when the id was free.)
     */
    public Uni<Set<String>> claim(List<String> eventIds) {
        List<Request> requests = new ArrayList<>(eventIds.size());
        for (String id : eventIds) {
            requests.add(Request.cmd(Command.SET).arg(PREFIX + id).arg(IN_FLIGHT).arg("NX").arg("GET").arg("EX").arg(pendingSeconds));
        }
        return inChunks(requests).map(responses -> {
            Set<String> claimed = new HashSet<>();
            for (int i = 0; i < eventIds.size(); i++) {
                Response before = responses.get(i);
                if (before == null || IN_FLIGHT.equals(before.toString())) {
                    claimed.add(eventIds.get(i));
                }
            }
            return claimed;
        });
    }

    /** Marks ids whose events Kafka acknowledged as published: duplicates from now on, for the retention window. */
    public Uni<Void> confirm(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> requests = new ArrayList<>(eventIds.size());
        for (String id : eventIds) {
            requests.add(Request.cmd(Command.SET).arg(PREFIX + id).arg(PUBLISHED).arg("EX").arg(retentionSeconds));
        }
        return inChunks(requests).replaceWithVoid();
    }

    /** Forgets ids whose publication failed, so that sending them again works. */
    public Uni<Void> release(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> requests = new ArrayList<>(eventIds.size());
        for (String id : eventIds) {
            requests.add(Request.cmd(Command.DEL).arg(PREFIX + id));
        }
        return inChunks(requests).replaceWithVoid();
    }

    private Uni<List<Response>> inChunks(List<Request> requests) {
        List<Uni<List<Response>>> chunks = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += CHUNK) {
            chunks.add(redis.batch(requests.subList(from, Math.min(from + CHUNK, requests.size()))));
        }
        if (chunks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(chunks).andFailFast().map(lists -> {
            List<Response> all = new ArrayList<>(requests.size());
            lists.forEach(all::addAll);
            return all;
        });
    }
}
