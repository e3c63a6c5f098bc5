package dev.integrity.ingest.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.ingest.config.IngestConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
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
 * eventId.
 * <p>
 * Claims, confirmations and releases go in pipelined batches, never one round trip per event: a
 * request carries up to 10,000 events. Quarkus's typed data source has no pipelining (each command is
 * a write of its own, and on the pooled data source a connection of its own), so the commands go
 * through the batch of the data source's own Vert.x client, in chunks its waiting queue accepts.
 */
@ApplicationScoped
public class SeenEventIds {

    private static final String IN_FLIGHT = "pending";
    private static final String PUBLISHED = "1";
    private static final int CHUNK = 1000;

    private final Redis redis;
    private final long retentionSeconds;
    private final long pendingSeconds;

    public SeenEventIds(ReactiveRedisDataSource redis, IngestConfig config) {
        this.redis = redis.getRedis();
        this.retentionSeconds = config.dedupeRetention().toSeconds();
        this.pendingSeconds = config.dedupePending().toSeconds();
    }

    /**
     * Claims the given ids; answers the ones now claimed by the caller: never seen, or left in flight
     * by a claim whose publication was never confirmed. ({@code SET NX GET} answers the value already
     * there, nil when the id was free.)
     */
    public Uni<Set<String>> claim(List<String> eventIds) {
        return valuesBefore(eventIds, id -> Request.cmd(Command.SET).arg(RedisKeys.seenEvent(id)).arg(IN_FLIGHT).arg("NX").arg("GET")
                .arg("EX").arg(pendingSeconds)).map(before -> {
                    Set<String> claimed = new HashSet<>();
                    for (Taken taken : before) {
                        if (taken.value() == null || IN_FLIGHT.equals(taken.value())) {
                            claimed.add(taken.eventId());
                        }
                    }
                    return claimed;
                });
    }

    /** Marks ids whose events Kafka acknowledged as published: duplicates from now on, for the retention window. */
    public Uni<Void> confirm(List<String> eventIds) {
        return valuesBefore(eventIds, id -> Request.cmd(Command.SET).arg(RedisKeys.seenEvent(id)).arg(PUBLISHED).arg("EX").arg(retentionSeconds))
                .replaceWithVoid();
    }

    /** Forgets ids whose publication failed, so that sending them again works. */
    public Uni<Void> release(List<String> eventIds) {
        return valuesBefore(eventIds, id -> Request.cmd(Command.DEL).arg(RedisKeys.seenEvent(id))).replaceWithVoid();
    }

    /** An id and the value its command answered (null for nil). */
    private record Taken(String eventId, String value) {
    }

    /** One command per id, in pipelined chunks; each answer read as a string, with its id. */
    private Uni<List<Taken>> valuesBefore(List<String> eventIds, Function<String, Request> command) {
        List<Uni<List<Response>>> chunks = new ArrayList<>();
        for (int from = 0; from < eventIds.size(); from += CHUNK) {
            chunks.add(redis.batch(eventIds.subList(from, Math.min(from + CHUNK, eventIds.size())).stream().map(command).toList()));
        }
        if (chunks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(chunks).andFailFast().map(lists -> {
            List<Response> responses = new ArrayList<>(eventIds.size());
            lists.forEach(responses::addAll);
            List<Taken> answers = new ArrayList<>(eventIds.size());
            for (int i = 0; i < eventIds.size(); i++) {
                Response value = responses.get(i);
                answers.add(new Taken(eventIds.get(i), value == null ? null : value.toString()));
            }
            return answers;
        });
    }
}
