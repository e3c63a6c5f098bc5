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
 * The eventIds already taken, shared by every ingest replica through Redis ({@code SET NX} with a
 * retention window). Claims and releases go in pipelined batches, never one round trip per event.
 */
@ApplicationScoped
public class SeenEventIds {

    private static final String PREFIX = "ingest:seen:";
    private static final int CHUNK = 1000;

    private final Redis redis;
    private final long retentionSeconds;

    public SeenEventIds(Redis redis, IngestConfig config) {
        this.redis = redis;
        this.retentionSeconds = config.dedupeRetention().toSeconds();
    }

    /** Claims the given ids; answers the ones that were not seen before (now claimed by the caller). */
    public Uni<Set<String>> claim(List<String> eventIds) {
        List<Request> requests = new ArrayList<>(eventIds.size());
        for (String id : eventIds) {
            requests.add(Request.cmd(Command.SET).arg(PREFIX + id).arg("1").arg("NX").arg("EX").arg(retentionSeconds));
        }
        return inChunks(requests).map(responses -> {
            Set<String> claimed = new HashSet<>();
            for (int i = 0; i < eventIds.size(); i++) {
                Response response = responses.get(i);
                if (response != null && "OK".equals(response.toString())) {
                    claimed.add(eventIds.get(i));
                }
            }
            return claimed;
        });
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
