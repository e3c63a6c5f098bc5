package dev.integrity.support.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Redis commands sent many at a time (a scoring batch's lockstep work, an ingest request's event ids:
 * thousands of commands). Quarkus's typed data source has no pipelining: each command is a write of its
 * own, and on the pooled data source a connection of its own. So the commands go through the batch of
 * the data source's own Vert.x client, in chunks its waiting queue accepts: one write and one round trip
 * per chunk, the answers joined back in the commands' order. The answers become typed values here, and
 * nowhere else.
 */
public final class RedisPipeline {

    private static final int CHUNK = 1000;

    private final Redis redis;

    public RedisPipeline(ReactiveRedisDataSource redis) {
        this.redis = redis.getRedis();
    }

    /** Each set's members (in Redis's order), by key. */
    public Uni<Map<String, List<String>>> members(Collection<String> keys) {
        return byKey(keys, key -> Request.cmd(Command.SMEMBERS).arg(key), RedisPipeline::strings);
    }

    /** Each hash of whole numbers, by key; a missing hash is empty. */
    public Uni<Map<String, Map<String, Long>>> counts(Collection<String> keys) {
        return byKey(keys, key -> Request.cmd(Command.HGETALL).arg(key), hash -> {
            Map<String, Long> counts = new HashMap<>();
            if (hash != null) {
                for (String field : hash.getKeys()) {
                    counts.put(field, hash.get(field).toLong());
                }
            }
            return counts;
        });
    }

    /** Adds members to each set and (re)sets its time to live. */
    public Uni<Void> addAll(Map<String, ? extends Collection<String>> membersByKey, long ttlSeconds) {
        List<Request> requests = new ArrayList<>(membersByKey.size() * 2);
        membersByKey.forEach((key, members) -> {
            Request sadd = Request.cmd(Command.SADD).arg(key);
            members.forEach(sadd::arg);
            requests.add(sadd);
            requests.add(Request.cmd(Command.EXPIRE).arg(key).arg(ttlSeconds));
        });
        return send(requests).replaceWithVoid();
    }

    /** One command per item, in one pipeline; each answer converted together with its item, in the items' order. */
    public <T, R> Uni<List<R>> each(List<T> items, Function<T, Request> command, BiFunction<T, Response, R> answer) {
        return send(items.stream().map(command).toList()).map(responses -> {
            List<R> answers = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                answers.add(answer.apply(items.get(i), responses.get(i)));
            }
            return answers;
        });
    }

    /** An array answer of whole numbers (a script's reply). */
    public static List<Long> longs(Response array) {
        List<Long> values = new ArrayList<>(array.size());
        array.forEach(v -> values.add(v.toLong()));
        return values;
    }

    private <R> Uni<Map<String, R>> byKey(Collection<String> keys, Function<String, Request> command, Function<Response, R> answer) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        return each(distinct, command, (key, response) -> Map.entry(key, answer.apply(response))).map(entries -> {
            Map<String, R> byKey = new LinkedHashMap<>();
            entries.forEach(e -> byKey.put(e.getKey(), e.getValue()));
            return byKey;
        });
    }

    private Uni<List<Response>> send(List<Request> requests) {
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

    private static List<String> strings(Response set) {
        List<String> values = new ArrayList<>(set.size());
        set.forEach(v -> values.add(v.toString()));
        return values;
    }
}
