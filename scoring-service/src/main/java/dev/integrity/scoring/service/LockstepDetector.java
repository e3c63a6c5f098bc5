package dev.integrity.scoring.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.LockstepWindow;
import dev.integrity.scoring.decision.LockstepRules;
import dev.integrity.scoring.decision.LockstepRules.BucketId;
import dev.integrity.scoring.decision.LockstepRules.CrowdedBucket;
import dev.integrity.scoring.decision.LockstepRules.Membership;
import dev.integrity.scoring.model.LockstepHit;
import dev.integrity.scoring.repository.LockstepRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The Redis adapter of lockstep detection ({@link LockstepRules} holds the rules). Per batch:
 * <ol>
 * <li>each follow or like joins its two buckets (one small script, so that exactly one caller sees
 * a bucket become crowded), and the account's count of distinct targets per window goes up when
 * it is new to a bucket;</li>
 * <li>each account keeps the set of crowded buckets it is in (a bucket that just became crowded is
 * added to every member so far);</li>
 * <li>an account whose crowded buckets make it a candidate is paired through one pipelined read of
 * those buckets' members, the paired accounts' window counts are read, and the rules name the group
 * and every member's windows; the group is joined in PostgreSQL and every member gets a hit, not
 * only the account that acted now.</li>
 * </ol>
 */
@ApplicationScoped
public class LockstepDetector {

    private static final long TTL_SECONDS = 3 * 24 * 3600;

    private final Redis redis;
    private final LockstepRepository groups;
    private final LockstepRules rules;
    private final RecentLockstepHits recentHits = new RecentLockstepHits(100_000);
    private final RedisScript joinBucket;

    public LockstepDetector(Redis redis, LockstepRepository groups, LockstepRules rules) {
        this.redis = redis;
        this.groups = groups;
        this.rules = rules;
        this.joinBucket = new RedisScript(redis, "/redis/join-bucket.lua");
    }

    /** One account's action in one bucket. */
    private record Joined(BucketId bucket, String account) {
    }

    /**
     * Adds the batch's follows and likes to their buckets; answers the lockstep hits of the accounts
     * now found in a group. Safe to repeat for a redelivered batch: joining again changes nothing,
     * and the batch's accounts are examined again.
     */
    public Uni<List<LockstepHit>> observe(List<AccountEvent> events) {
        List<Joined> joins = new ArrayList<>();
        for (AccountEvent e : events) {
            if (LockstepRules.isLockstepKind(e.type()) && e.targetAccountId() != null) {
                rules.bucketsOf(e.type(), e.targetAccountId(), e.occurredAt()).forEach(b -> joins.add(new Joined(b, e.accountId())));
            }
        }
        if (joins.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return joinBucket.pipeline(sha -> joins.stream()
                .map(j -> RedisScript.call(sha, List.of(bucketKey(j.bucket()), windowKey(j.account())), j.account(), TTL_SECONDS,
                        rules.settings().minCrowd(), j.bucket().windowId())).toList())
                .chain(responses -> markCrowded(joins, responses))
                .chain(this::formGroups);
    }

    private Uni<Set<String>> markCrowded(List<Joined> joins, List<Response> responses) {
        Map<String, Set<String>> crowdedBy = new TreeMap<>();
        List<String> crossings = new ArrayList<>();
        for (int i = 0; i < joins.size(); i++) {
            Joined j = joins.get(i);
            Response r = responses.get(i);
            long size = r.get(0).toLong();
            if (!rules.isCrowded(size)) {
                continue;
            }
            if (r.get(1).toInteger() == 1) {
                crossings.add(bucketKey(j.bucket()));
            } else {
                crowdedBy.computeIfAbsent(j.account(), a -> new HashSet<>()).add(bucketKey(j.bucket()));
            }
        }
        if (crossings.isEmpty()) {
            return record(crowdedBy);
        }
        // A bucket that just became crowded: every member so far gets it, not only the newest.
        return RedisBatches.send(redis, crossings.stream().map(b -> Request.cmd(Command.SMEMBERS).arg(b)).toList()).chain(rs -> {
            for (int c = 0; c < crossings.size(); c++) {
                for (String member : strings(rs.get(c))) {
                    crowdedBy.computeIfAbsent(member, a -> new HashSet<>()).add(crossings.get(c));
                }
            }
            return record(crowdedBy);
        });
    }

    /**
     * Adds the crowded buckets to each account's set, in one pipeline; answers the accounts touched (the
     * window counts were written by the joins themselves).
     */
    private Uni<Set<String>> record(Map<String, Set<String>> crowdedBy) {
        List<Request> requests = new ArrayList<>(crowdedBy.size() * 2);
        crowdedBy.forEach((account, added) -> {
            Request sadd = Request.cmd(Command.SADD).arg(crowdedKey(account));
            added.forEach(sadd::arg);
            requests.add(sadd);
            requests.add(Request.cmd(Command.EXPIRE).arg(crowdedKey(account)).arg(TTL_SECONDS));
        });
        return RedisBatches.send(redis, requests).replaceWith(crowdedBy.keySet());
    }

    /**
     * Candidates are accounts with enough crowded targets. The batch's candidates share one pipelined
     * read of their buckets (a farm's members sit in the same buckets) and one of the paired accounts'
     * window counts; a candidate whose crowded set has barely grown since its last hit costs nothing.
     */
    private Uni<List<LockstepHit>> formGroups(Set<String> touched) {
        if (touched.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> accounts = new ArrayList<>(touched);
        return RedisBatches.send(redis, accounts.stream().map(a -> Request.cmd(Command.SMEMBERS).arg(crowdedKey(a))).toList()).chain(rs -> {
            Map<String, LockstepHit> hits = new LinkedHashMap<>();
            Map<String, List<BucketId>> candidates = new LinkedHashMap<>();
            for (int i = 0; i < accounts.size(); i++) {
                String account = accounts.get(i);
                List<BucketId> crowded = strings(rs.get(i)).stream().map(LockstepDetector::parseBucket).filter(b -> b != null).toList();
                if (!rules.isCandidate(crowded)) {
                    continue;
                }
                LockstepHit recent = recentHits.reusable(account, crowded.size());
                if (recent != null) {
                    hits.put(account, recent);
                } else {
                    candidates.put(account, crowded);
                }
            }
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(List.copyOf(hits.values()));
            }
            List<BucketId> buckets = candidates.values().stream().flatMap(List::stream).distinct().toList();
            return RedisBatches.send(redis, buckets.stream().map(b -> Request.cmd(Command.SMEMBERS).arg(bucketKey(b))).toList())
                    .chain(members -> {
                        Map<BucketId, CrowdedBucket> crowded = new HashMap<>();
                        for (int i = 0; i < buckets.size(); i++) {
                            crowded.put(buckets.get(i), new CrowdedBucket(buckets.get(i), strings(members.get(i))));
                        }
                        return windowTargets(candidates, crowded).chain(counts -> joinGroups(candidates, crowded, counts, hits));
                    });
        });
    }

    /** The distinct-target counts per window of every candidate and every account paired with one. */
    private Uni<Map<String, Map<String, Long>>> windowTargets(Map<String, List<BucketId>> candidates, Map<BucketId, CrowdedBucket> crowded) {
        Set<String> accounts = new LinkedHashSet<>();
        candidates.forEach((seed, buckets) -> {
            accounts.add(seed);
            accounts.addAll(rules.paired(seed, buckets.stream().map(crowded::get).toList()).keySet());
        });
        List<String> ordered = new ArrayList<>(accounts);
        return RedisBatches.send(redis, ordered.stream().map(a -> Request.cmd(Command.HGETALL).arg(windowKey(a))).toList()).map(rs -> {
            Map<String, Map<String, Long>> counts = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                Map<String, Long> perWindow = new HashMap<>();
                Response hash = rs.get(i);
                if (hash != null) {
                    for (String window : hash.getKeys()) {
                        perWindow.put(window, hash.get(window).toLong());
                    }
                }
                counts.put(ordered.get(i), perWindow);
            }
            return counts;
        });
    }

    /** Joins each candidate's group, one after another so that a farm ends up in one group; every member gets a hit. */
    private Uni<List<LockstepHit>> joinGroups(Map<String, List<BucketId>> candidates, Map<BucketId, CrowdedBucket> crowded,
            Map<String, Map<String, Long>> counts, Map<String, LockstepHit> hits) {
        Map<String, String> joinedGroup = new HashMap<>();
        Uni<Map<String, LockstepHit>> chain = Uni.createFrom().item(hits);
        for (Map.Entry<String, List<BucketId>> candidate : candidates.entrySet()) {
            String seed = candidate.getKey();
            List<CrowdedBucket> buckets = candidate.getValue().stream().map(crowded::get).toList();
            var group = rules.group(seed, buckets, counts);
            if (group.isEmpty()) {
                continue;
            }
            List<Membership> members = group.get();
            List<String> ids = members.stream().map(Membership::accountId).toList();
            chain = chain.chain(found -> {
                String known = commonGroup(ids, joinedGroup);
                List<LockstepWindow> windows = members.stream().flatMap(m -> m.windows().stream()).toList();
                Uni<String> groupId = known != null ? Uni.createFrom().item(known) : groups.join(ids, windows);
                return groupId.map(id -> {
                    for (Membership m : members) {
                        joinedGroup.putIfAbsent(m.accountId(), id);
                        LockstepHit hit = new LockstepHit(id, m.accountId(), ids, m.windows());
                        found.merge(m.accountId(), hit, LockstepHit::wider);
                    }
                    recentHits.remember(found.get(seed), candidate.getValue().size());
                    return found;
                });
            });
        }
        return chain.map(found -> List.copyOf(found.values()));
    }

    /** The group every one of the members already joined in this batch, or null (then the database decides). */
    private static String commonGroup(List<String> members, Map<String, String> joinedGroup) {
        String group = joinedGroup.get(members.get(0));
        if (group == null) {
            return null;
        }
        for (String member : members) {
            if (!group.equals(joinedGroup.get(member))) {
                return null;
            }
        }
        return group;
    }

    // Key names: the target (or account) in braces so that a Redis Cluster keeps them together.

    static String bucketKey(BucketId b) {
        return "ls:{" + b.target() + "}:" + b.kind().name().charAt(0) + ":" + b.scheme() + ":" + b.index();
    }

    /** The bucket a key names, or null for a key of another shape (from before buckets had a kind). */
    static BucketId parseBucket(String key) {
        int close = key.lastIndexOf('}');
        String[] parts = key.substring(close + 2).split(":");
        if (parts.length != 3) {
            return null;
        }
        EventType kind = switch (parts[0]) {
            case "F" -> EventType.FOLLOW;
            case "L" -> EventType.LIKE;
            default -> null;
        };
        return kind == null ? null : new BucketId(kind, key.substring(key.indexOf('{') + 1, close), parts[1].charAt(0), Long.parseLong(parts[2]));
    }

    private static String crowdedKey(String account) {
        return "lsc:{" + account + "}";
    }

    private static String windowKey(String account) {
        return "lsw:{" + account + "}";
    }

    private static List<String> strings(Response set) {
        List<String> values = new ArrayList<>(set.size());
        set.forEach(v -> values.add(v.toString()));
        return values;
    }
}
