package dev.integrity.ingest.repository;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.ingest.config.IngestConfig;
import dev.integrity.support.redis.RedisPipeline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

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
 * request carries up to 10,000 events ({@link RedisPipeline} says why and how).
 */
@ApplicationScoped
public class SeenEventIds {

    private static final String IN_FLIGHT = "pending";
    private static final String PUBLISHED = "1";

    private final RedisPipeline redis;
    private final long retentionSeconds;
    private final long pendingSeconds;

    public SeenEventIds(ReactiveRedisDataSource redis, IngestConfig config) {
        this.redis = new RedisPipeline(redis);
        this.retentionSeconds = config.dedupeRetention().toSeconds();
        this.pendingSeconds = config.dedupePending().toSeconds();
    }

    /**
     * Claims the given ids; answers the ones now claimed by the caller: never seen, or left in flight
     * by a claim whose publication was never confirmed. ({@code SET NX GET} answers the value already
     * there, nil when the id was free.)
     */
    public Uni<Set<String>> claim(List<String> eventIds) {
        // Each answer becomes the id when the caller now holds it, null when the id is published already.
        return redis.each(eventIds, id -> Request.cmd(Command.SET).arg(RedisKeys.seenEvent(id)).arg(IN_FLIGHT).arg("NX").arg("GET")
                .arg("EX").arg(pendingSeconds), (id, before) -> before == null || IN_FLIGHT.equals(before.toString()) ? id : null)
                .map(ids -> ids.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /** Marks ids whose events Kafka acknowledged as published: duplicates from now on, for the retention window. */
    public Uni<Void> confirm(List<String> eventIds) {
        return run(eventIds, id -> Request.cmd(Command.SET).arg(RedisKeys.seenEvent(id)).arg(PUBLISHED).arg("EX").arg(retentionSeconds));
    }

    /** Forgets ids whose publication failed, so that sending them again works. */
    public Uni<Void> release(List<String> eventIds) {
        return run(eventIds, id -> Request.cmd(Command.DEL).arg(RedisKeys.seenEvent(id)));
    }

    /** One command per id, pipelined; their answers are not needed. */
    private Uni<Void> run(List<String> eventIds, Function<String, Request> command) {
        return redis.each(eventIds, command, (id, answer) -> id).replaceWithVoid();
    }
}
