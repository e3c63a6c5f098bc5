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
import dev.integrity.contract.enforcement.LockstepWindow;
import dev.integrity.scoring.decision.LockstepRules;
import dev.integrity.scoring.decision.LockstepRules.BucketId;
import dev.integrity.scoring.decision.LockstepRules.CrowdedBucket;
import dev.integrity.scoring.decision.LockstepRules.Membership;
import dev.integrity.scoring.model.LockstepHit;
import dev.integrity.scoring.repository.LockstepRepository;
import dev.integrity.support.redis.RedisPipeline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

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

    private final RedisPipeline redis;
    private final LockstepRepository groups;
    private final LockstepRules rules;
    private final RecentLockstepHits recentHits = new RecentLockstepHits(100_000);
    private final RedisScript joinBucket;

    public LockstepDetector(ReactiveRedisDataSource redis, LockstepRepository groups, LockstepRules rules) {
        this.redis = new RedisPipeline(redis);
        this.groups = groups;
        this.rules = rules;
        this.joinBucket = new RedisScript(redis, "/redis/join-bucket.lua");
    }

    /** One account's action in one bucket. */
    private record Joined(BucketId bucket, String account) {
    }

    /** What joining answered: the bucket's size after the join, and whether this join made it exactly crowded. */
    private record JoinReply(Joined join, long size, boolean crossed) {

        /** join-bucket.lua answers {size, crossed}, each a whole number. */
        static JoinReply of(Joined join, List<Long> reply) {
            return new JoinReply(join, reply.get(0), reply.get(1) == 1);
        }
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
        return joinBucket.callEach(joins, j -> new RedisScript.Call(List.of(RedisKeys.lockstepBucket(j.bucket()), RedisKeys.lockstepWindows(j.account())),
                List.of(j.account(), TTL_SECONDS, rules.settings().minCrowd(), j.bucket().windowId())), JoinReply::of)
                .chain(this::markCrowded)
                .chain(this::formGroups);
    }

    private Uni<Set<String>> markCrowded(List<JoinReply> replies) {
        Map<String, Set<String>> crowdedBy = new TreeMap<>();
        List<String> crossings = new ArrayList<>();
        for (JoinReply reply : replies) {
            if (!rules.isCrowded(reply.size())) {
                continue;
            }
            String bucket = RedisKeys.lockstepBucket(reply.join().bucket());
            if (reply.crossed()) {
                crossings.add(bucket);
            } else {
                crowdedBy.computeIfAbsent(reply.join().account(), a -> new HashSet<>()).add(bucket);
            }
        }
        if (crossings.isEmpty()) {
            return record(crowdedBy);
        }
        // A bucket that just became crowded: every member so far gets it, not only the newest.
        return redis.members(crossings).chain(membersByBucket -> {
            membersByBucket.forEach((bucket, members) -> {
                for (String member : members) {
                    crowdedBy.computeIfAbsent(member, a -> new HashSet<>()).add(bucket);
                }
            });
            return record(crowdedBy);
        });
    }

    /**
     * Adds the crowded buckets to each account's set, in one pipeline; answers the accounts touched (the
     * window counts were written by the joins themselves).
     */
    private Uni<Set<String>> record(Map<String, Set<String>> crowdedBy) {
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        crowdedBy.forEach((account, added) -> byKey.put(RedisKeys.lockstepCrowded(account), added));
        return redis.addAll(byKey, TTL_SECONDS).replaceWith(crowdedBy.keySet());
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
        return redis.members(accounts.stream().map(RedisKeys::lockstepCrowded).toList()).chain(crowdedSets -> {
            Map<String, LockstepHit> hits = new LinkedHashMap<>();
            Map<String, List<BucketId>> candidates = new LinkedHashMap<>();
            for (String account : accounts) {
                List<BucketId> crowded = crowdedSets.get(RedisKeys.lockstepCrowded(account)).stream().map(RedisKeys::lockstepBucketOf)
                        .filter(b -> b != null).toList();
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
            return redis.members(buckets.stream().map(RedisKeys::lockstepBucket).toList())
                    .chain(members -> {
                        Map<BucketId, CrowdedBucket> crowded = new HashMap<>();
                        for (BucketId bucket : buckets) {
                            crowded.put(bucket, new CrowdedBucket(bucket, members.get(RedisKeys.lockstepBucket(bucket))));
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
        return redis.counts(accounts.stream().map(RedisKeys::lockstepWindows).toList()).map(byKey -> {
            Map<String, Map<String, Long>> counts = new HashMap<>();
            accounts.forEach(a -> counts.put(a, byKey.get(RedisKeys.lockstepWindows(a))));
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
}
