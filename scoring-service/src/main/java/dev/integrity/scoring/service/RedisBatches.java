package dev.integrity.scoring.service;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/** Pipelines any number of Redis commands in chunks the client's waiting queue accepts, answers in order. */
final class RedisBatches {

    private static final int CHUNK = 1000;

    private RedisBatches() {
    }

    static Uni<List<Response>> send(Redis redis, List<Request> requests) {
        if (requests.size() <= CHUNK) {
            return requests.isEmpty() ? Uni.createFrom().item(List.of()) : redis.batch(requests);
        }
        List<Uni<List<Response>>> chunks = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += CHUNK) {
            chunks.add(redis.batch(requests.subList(from, Math.min(from + CHUNK, requests.size()))));
        }
        return Uni.join().all(chunks).andFailFast().map(lists -> {
            List<Response> all = new ArrayList<>(requests.size());
            lists.forEach(all::addAll);
            return all;
        });
    }
}
