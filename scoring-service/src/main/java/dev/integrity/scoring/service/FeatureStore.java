package dev.integrity.scoring.service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.AppClassifier;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.Profile;
import dev.integrity.scoring.decision.FeatureDerivation;
import dev.integrity.scoring.decision.RawFeatures;
import dev.integrity.scoring.model.AccountFeatures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Per-account behaviour features in Redis, shared by every scoring replica. Each event is recorded
 * by one Lua script (atomic, at most once per eventId); a batch of events is one pipelined round
 * trip, and reading the features of a batch's accounts is another. Key names carry the account in
 * braces so that a Redis Cluster keeps an account's keys together.
 */
@ApplicationScoped
public class FeatureStore {

    private static final long HOUR_MS = 3_600_000L;
    private static final long MINUTE_MS = 60_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final int READS_PER_ACCOUNT = 10;

    private final Redis redis;
    private final AppClassifier apps;
    private final RedisScript recordEvent;

    public FeatureStore(Redis redis, AppClassifier apps) {
        this.redis = redis;
        this.apps = apps;
        this.recordEvent = new RedisScript(redis, "/redis/record-event.lua");
    }

    /** Records the events; answers the ids that were new (a redelivered event changes nothing). */
    public Uni<Set<String>> record(List<AccountEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return recordEvent.pipeline(sha -> {
            List<Request> requests = new ArrayList<>(events.size() * 2);
            for (AccountEvent event : events) {
                requests.add(recordRequest(sha, event));
                if (event.profile() != null) {
                    requests.add(Request.cmd(Command.SET).arg(profileKey(event.accountId()))
                            .arg(EventJson.mapper().valueToTree(event.profile()).toString()));
                }
                requests.add(Request.cmd(Command.SET).arg(key(event.accountId(), "first"))
                        .arg(event.occurredAt().toEpochMilli()).arg("NX"));
            }
            return requests;
        })
                .map(responses -> {
                    Set<String> fresh = new HashSet<>();
                    int i = 0;
                    for (AccountEvent event : events) {
                        if (responses.get(i).toInteger() == 1) {
                            fresh.add(event.eventId());
                        }
                        i += event.profile() != null ? 3 : 2;
                    }
                    return fresh;
                });
    }

    /** Features of the accounts, windows anchored at each account's given latest event time. */
    public Uni<Map<String, AccountFeatures>> read(Map<String, Instant> latestByAccount) {
        if (latestByAccount.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> accounts = new ArrayList<>(latestByAccount.keySet());
        List<Request> requests = new ArrayList<>(accounts.size() * READS_PER_ACCOUNT);
        for (String account : accounts) {
            long now = latestByAccount.get(account).toEpochMilli();
            long day = now / DAY_MS;
            long hour = now / HOUR_MS;
            requests.add(Request.cmd(Command.HGETALL).arg(key(account, "d:" + day)));
            requests.add(Request.cmd(Command.HGETALL).arg(key(account, "d:" + (day - 1))));
            requests.add(Request.cmd(Command.HGETALL).arg(key(account, "m:" + hour)));
            requests.add(Request.cmd(Command.HGETALL).arg(key(account, "m:" + (hour - 1))));
            requests.add(Request.cmd(Command.PFCOUNT).arg(key(account, "t:" + day)).arg(key(account, "t:" + (day - 1))));
            requests.add(Request.cmd(Command.PFCOUNT).arg(key(account, "ip:" + day)).arg(key(account, "ip:" + (day - 1))));
            requests.add(Request.cmd(Command.PFCOUNT).arg(key(account, "dev:" + day)).arg(key(account, "dev:" + (day - 1))));
            requests.add(Request.cmd(Command.LRANGE).arg(key(account, "recent")).arg(0).arg(-1));
            requests.add(Request.cmd(Command.GET).arg(profileKey(account)));
            requests.add(Request.cmd(Command.GET).arg(key(account, "first")));
        }
        return RedisBatches.send(redis, requests).map(responses -> {
            Map<String, AccountFeatures> features = new HashMap<>();
            for (int a = 0; a < accounts.size(); a++) {
                String account = accounts.get(a);
                features.put(account, features(account, latestByAccount.get(account).toEpochMilli(),
                        responses.subList(a * READS_PER_ACCOUNT, (a + 1) * READS_PER_ACCOUNT)));
            }
            return features;
        });
    }

    private static AccountFeatures features(String account, long now, List<Response> r) {
        Map<String, Long> hours = new HashMap<>();
        counters(r.get(0), hours);
        counters(r.get(1), hours);
        Map<String, Long> minutes = new HashMap<>();
        counters(r.get(2), minutes);
        counters(r.get(3), minutes);
        List<Long> recent = new ArrayList<>();
        if (r.get(7) != null) {
            r.get(7).forEach(t -> recent.add(t.toLong()));
        }
        RawFeatures raw = new RawFeatures(hours, minutes, r.get(4).toLong(), r.get(5).toLong(), r.get(6).toLong(), recent,
                readProfile(r.get(8)), r.get(9) == null ? null : r.get(9).toLong());
        return FeatureDerivation.derive(account, now, raw);
    }

    private static void counters(Response hash, Map<String, Long> into) {
        if (hash != null) {
            for (String field : hash.getKeys()) {
                into.merge(field, hash.get(field).toLong(), Long::sum);
            }
        }
    }

    private Request recordRequest(String sha, AccountEvent event) {
        String account = event.accountId();
        long at = event.occurredAt().toEpochMilli();
        long day = at / DAY_MS;
        String kind = switch (event.type()) {
            case FOLLOW -> "F";
            case LIKE -> "L";
            case COMMENT -> "C";
            default -> "";
        };
        String app = apps.isThirdParty(event.clientAppId()) ? event.clientAppId() : "";
        return Request.cmd(Command.EVALSHA).arg(sha).arg(8)
                .arg("scoring:seen:" + event.eventId())
                .arg(key(account, "d:" + day))
                .arg(key(account, "m:" + (at / HOUR_MS)))
                .arg(key(account, "t:" + day))
                .arg(key(account, "ip:" + day))
                .arg(key(account, "dev:" + day))
                .arg(key(account, "recent"))
                .arg(key(account, "latest"))
                .arg(kind).arg(at / HOUR_MS).arg(at / MINUTE_MS).arg(app)
                .arg(nullToEmpty(event.targetAccountId())).arg(nullToEmpty(event.ip())).arg(nullToEmpty(event.deviceId()))
                .arg(at);
    }

    private static Profile readProfile(Response json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json.toString(), Profile.class);
        } catch (IOException e) {
            return null;
        }
    }

    static String key(String account, String suffix) {
        return "f:{" + account + "}:" + suffix;
    }

    private static String profileKey(String account) {
        return key(account, "profile");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
