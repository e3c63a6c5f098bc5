package dev.integrity.scoring.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.integrity.contract.EventType;
import dev.integrity.scoring.decision.LockstepRules.BucketId;
import dev.integrity.scoring.decision.LockstepRules.CrowdedBucket;
import dev.integrity.scoring.decision.LockstepRules.Membership;

/**
 * What the Redis adapter keeps for lockstep, in memory: bucket members and each account's distinct
 * targets per window. A scenario adds actions, then asks the rules for the group around a seed,
 * as the adapter does (the seed's crowded buckets with their members, and the window counts).
 */
final class Buckets {

    private final LockstepRules rules;
    private final Map<BucketId, Set<String>> members = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> windowTargets = new HashMap<>();

    Buckets(LockstepRules rules) {
        this.rules = rules;
    }

    Buckets act(String account, EventType kind, String target, Instant at) {
        for (BucketId b : rules.bucketsOf(kind, target, at)) {
            if (members.computeIfAbsent(b, x -> new LinkedHashSet<>()).add(account)) {
                windowTargets.computeIfAbsent(account, a -> new HashMap<>()).merge(b.windowId(), 1L, Long::sum);
            }
        }
        return this;
    }

    List<CrowdedBucket> crowdedOf(String account) {
        List<CrowdedBucket> crowded = new ArrayList<>();
        members.forEach((b, in) -> {
            if (in.contains(account) && rules.isCrowded(in.size())) {
                crowded.add(new CrowdedBucket(b, List.copyOf(in)));
            }
        });
        return crowded;
    }

    /** The group the rules find around the seed, or empty; only candidates are examined, as in the adapter. */
    Optional<List<Membership>> groupAround(String seed) {
        List<CrowdedBucket> crowded = crowdedOf(seed);
        if (!rules.isCandidate(crowded.stream().map(CrowdedBucket::id).toList())) {
            return Optional.empty();
        }
        return rules.group(seed, crowded, windowTargets);
    }

    /** The members of the group around the seed (empty when none). */
    Set<String> membersAround(String seed) {
        return groupAround(seed).map(g -> {
            Set<String> ids = new LinkedHashSet<>();
            g.forEach(m -> ids.add(m.accountId()));
            return ids;
        }).orElse(Set.of());
    }
}
