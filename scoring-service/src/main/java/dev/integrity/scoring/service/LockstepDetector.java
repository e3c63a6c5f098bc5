package dev.integrity.scoring.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.LockstepWindow;
import dev.integrity.scoring.config.ScoringConfig;
import dev.integrity.scoring.model.LockstepHit;
import dev.integrity.scoring.repository.LockstepRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Finds accounts that follow or like the same targets in the same short windows (the CopyCatch /
 * SynchroTrap idea), incrementally and in time linear in the events:
 * <ol>
 * <li>each follow or like joins the (target, window) bucket in Redis (one small script, so that
 * exactly one caller sees a bucket become crowded), with two bucketings offset by half a window so
 * that a burst straddling a boundary still lands together;</li>
 * <li>a bucket with at least minCrowd accounts is crowded (and one past maxCrowd is a trend, ignored);
 * each account keeps the set of crowded buckets it is in;</li>
 * <li>an account in crowded buckets of at least minSharedTargets distinct targets is a candidate:
 * exact co-occurrence over those buckets' members finds who shares that many targets with it, and
 * if they are at least minGroupSize, they form (or join) a group.</li>
 * </ol>
 */
@ApplicationScoped
public class LockstepDetector {

    private static final long TTL_SECONDS = 3 * 24 * 3600;

    private final Redis redis;
    private final LockstepRepository groups;
    private final ScoringConfig.Lockstep config;
    private final long windowMs;
    private final RecentLockstepHits recentHits = new RecentLockstepHits(100_000);
    private final RedisScript joinBucket;

    public LockstepDetector(Redis redis, LockstepRepository groups, ScoringConfig config) {
        this.redis = redis;
        this.groups = groups;
        this.config = config.lockstep();
        this.windowMs = this.config.window().toMillis();
        this.joinBucket = new RedisScript(redis, "/redis/join-bucket.lua");
    }

    /** Adds the batch's follows and likes to their buckets; answers the lockstep groups its accounts are now in. */
    public Uni<List<LockstepHit>> observe(List<AccountEvent> events) {
        List<AccountEvent> engagement = events.stream()
                .filter(e -> (e.type() == EventType.FOLLOW || e.type() == EventType.LIKE) && e.targetAccountId() != null)
                .toList();
        if (engagement.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String[]> buckets = new ArrayList<>();
        for (AccountEvent event : engagement) {
            for (String bucket : bucketsOf(event)) {
                buckets.add(new String[] { bucket, event.accountId() });
            }
        }
        return joinBucket.pipeline(sha -> buckets.stream()
                .map(b -> RedisScript.call(sha, List.of(b[0]), b[1], TTL_SECONDS, config.minCrowd())).toList())
                .chain(responses -> markCrowded(buckets, responses))
                .chain(this::formGroups);
    }

    private Uni<Set<String>> markCrowded(List<String[]> buckets, List<Response> responses) {
        Map<String, Set<String>> crowdedBy = new TreeMap<>();
        List<String> crossings = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            long size = responses.get(i).get(0).toLong();
            boolean crossed = responses.get(i).get(1).toInteger() == 1;
            String bucket = buckets.get(i)[0];
            if (size < config.minCrowd() || size > config.maxCrowd()) {
                continue;
            }
            if (crossed) {
                crossings.add(bucket);
            } else {
                crowdedBy.computeIfAbsent(buckets.get(i)[1], a -> new HashSet<>()).add(bucket);
            }
        }
        if (crossings.isEmpty()) {
            return addCrowded(crowdedBy);
        }
        // A bucket that just became crowded: every member so far gets it, not only the newest.
        return RedisBatches.send(redis, crossings.stream().map(b -> Request.cmd(Command.SMEMBERS).arg(b)).toList()).chain(rs -> {
            for (int c = 0; c < crossings.size(); c++) {
                for (String member : strings(rs.get(c))) {
                    crowdedBy.computeIfAbsent(member, a -> new HashSet<>()).add(crossings.get(c));
                }
            }
            return addCrowded(crowdedBy);
        });
    }

    /** Adds the buckets to each account's crowded set, one SADD and one EXPIRE per account; answers the accounts. */
    private Uni<Set<String>> addCrowded(Map<String, Set<String>> crowdedBy) {
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
     * Candidates are accounts with enough crowded targets; co-occurrence decides who is in lockstep
     * with them. The batch's candidates share one pipelined read of their buckets (a farm's members
     * sit in the same buckets), and a candidate whose group was already joined in this batch, or
     * whose crowded set has barely grown since its last hit, costs no database work.
     */
    private Uni<List<LockstepHit>> formGroups(Set<String> touched) {
        if (touched.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> accounts = new ArrayList<>(touched);
        List<Request> requests = accounts.stream().map(a -> Request.cmd(Command.SMEMBERS).arg(crowdedKey(a))).toList();
        return RedisBatches.send(redis, requests).chain(rs -> {
            List<LockstepHit> hits = new ArrayList<>();
            Map<String, List<String>> candidates = new LinkedHashMap<>();
            for (int i = 0; i < accounts.size(); i++) {
                String account = accounts.get(i);
                List<String> crowded = strings(rs.get(i));
                if (distinctTargets(crowded) < config.minSharedTargets()) {
                    continue;
                }
                LockstepHit recent = recentHits.reusable(account, crowded.size());
                if (recent != null) {
                    hits.add(recent);
                } else {
                    candidates.put(account, crowded);
                }
            }
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(hits);
            }
            List<String> buckets = candidates.values().stream().flatMap(List::stream).distinct().toList();
            return RedisBatches.send(redis, buckets.stream().map(b -> Request.cmd(Command.SMEMBERS).arg(b)).toList())
                    .chain(members -> {
                        Map<String, List<String>> membersOf = new HashMap<>();
                        for (int i = 0; i < buckets.size(); i++) {
                            membersOf.put(buckets.get(i), strings(members.get(i)));
                        }
                        return joinGroups(candidates, membersOf, hits);
                    });
        });
    }

    /** Joins each candidate's lockstep members to a group, one after another so that a farm ends up in one group. */
    private Uni<List<LockstepHit>> joinGroups(Map<String, List<String>> candidates, Map<String, List<String>> membersOf,
            List<LockstepHit> hits) {
        Map<String, String> joinedGroup = new HashMap<>();
        Uni<List<LockstepHit>> chain = Uni.createFrom().item(hits);
        for (Map.Entry<String, List<String>> candidate : candidates.entrySet()) {
            String account = candidate.getKey();
            List<String> crowded = candidate.getValue();
            List<String> members = lockstepWith(account, crowded, membersOf);
            if (members.size() < config.minGroupSize()) {
                continue;
            }
            List<LockstepWindow> windows = windows(crowded);
            chain = chain.chain(found -> {
                String known = commonGroup(members, joinedGroup);
                Uni<String> group = known != null ? Uni.createFrom().item(known) : groups.join(members, windows);
                return group.map(groupId -> {
                    members.forEach(m -> joinedGroup.putIfAbsent(m, groupId));
                    LockstepHit hit = new LockstepHit(groupId, account, members, windows);
                    recentHits.remember(hit, crowded.size());
                    found.add(hit);
                    return found;
                });
            });
        }
        return chain;
    }

    /** The account and every account that shares at least minSharedTargets of its crowded targets. */
    private List<String> lockstepWith(String account, List<String> crowded, Map<String, List<String>> membersOf) {
        Map<String, Set<String>> sharedTargets = new HashMap<>();
        for (String bucket : crowded) {
            String target = targetOf(bucket);
            for (String other : membersOf.getOrDefault(bucket, List.of())) {
                if (!other.equals(account)) {
                    sharedTargets.computeIfAbsent(other, o -> new HashSet<>()).add(target);
                }
            }
        }
        List<String> members = new ArrayList<>();
        members.add(account);
        sharedTargets.forEach((other, targets) -> {
            if (targets.size() >= config.minSharedTargets()) {
                members.add(other);
            }
        });
        return members;
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

    private List<LockstepWindow> windows(List<String> crowded) {
        Map<String, LockstepWindow> byTarget = new LinkedHashMap<>();
        for (String bucket : crowded) {
            String[] parts = bucket.split(":");
            long index = Long.parseLong(parts[parts.length - 1]);
            long offset = parts[parts.length - 2].equals("B") ? windowMs / 2 : 0;
            Instant from = Instant.ofEpochMilli(index * windowMs - offset);
            Instant to = from.plusMillis(windowMs);
            String target = targetOf(bucket);
            LockstepWindow existing = byTarget.get(target);
            if (existing == null) {
                byTarget.put(target, new LockstepWindow(target, from, to));
            } else {
                byTarget.put(target, new LockstepWindow(target, min(existing.from(), from), max(existing.to(), to)));
            }
        }
        return new ArrayList<>(byTarget.values());
    }

    private String[] bucketsOf(AccountEvent event) {
        long at = event.occurredAt().toEpochMilli();
        String target = event.targetAccountId();
        return new String[] { "ls:{" + target + "}:A:" + (at / windowMs), "ls:{" + target + "}:B:" + ((at + windowMs / 2) / windowMs) };
    }

    private static String targetOf(String bucket) {
        return bucket.substring(bucket.indexOf('{') + 1, bucket.indexOf('}'));
    }

    private static long distinctTargets(List<String> buckets) {
        return buckets.stream().map(LockstepDetector::targetOf).distinct().count();
    }

    private static List<String> strings(Response set) {
        List<String> values = new ArrayList<>(set.size());
        set.forEach(v -> values.add(v.toString()));
        return values;
    }

    private static String crowdedKey(String account) {
        return "lsc:{" + account + "}";
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
