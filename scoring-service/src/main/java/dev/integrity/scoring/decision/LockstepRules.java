package dev.integrity.scoring.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.LockstepWindow;

/**
 * Who acts in lockstep with whom (the CopyCatch / SynchroTrap idea), as pure rules over buckets.
 * <ol>
 * <li>A bucket is one kind of action (follow or like) on one target within one time window; two
 * bucketings offset by half a window catch a burst that straddles a boundary. A like never shares
 * a bucket with a follow.</li>
 * <li>A bucket with at least minCrowd accounts is crowded; past maxCrowd it is ignored. A target
 * weighs 1 while its largest crowded bucket has up to flashCrowd accounts and flashCrowd / size
 * beyond: hundreds of accounts on one target at once are a real-world moment far more often than
 * a farm, which is tens of accounts.</li>
 * <li>Two accounts are paired when the weighted distinct targets they share crowded buckets on
 * reach minSharedTargets (each target counts once, at its heaviest shared bucket).</li>
 * <li>A paired account is a member only if lockstep is a substantial part of its own engagement in
 * those windows: of the distinct targets it engaged with (that kind of action) in the windows it
 * shares with the group, at least minLockstepShare are the group's. A heavy fan whose likes
 * happen to land on a farm's targets likes many other things in the same windows; a farm's
 * account does little else.</li>
 * <li>A group (the seed and its members) of at least minGroupSize is acted on, every member with
 * its own windows: a group, once found, reaches back to members that acted long before the seed.</li>
 * </ol>
 */
public final class LockstepRules {

    /** A bucket: one kind of action on one target within window {@code index} of bucketing {@code scheme} (A, or B offset by half). */
    public record BucketId(EventType kind, String target, char scheme, long index) {

        /** The account-side window this bucket lies in: the same for every target. */
        public String windowId() {
            return kind.name().charAt(0) + ":" + scheme + ":" + index;
        }
    }

    /** A crowded bucket and the accounts in it. */
    public record CrowdedBucket(BucketId id, List<String> members) {
    }

    /** One member of a group: the windows it shared with it, its weighted shared targets and its lockstep share. */
    public record Membership(String accountId, List<LockstepWindow> windows, double sharedTargets, double lockstepShare) {
    }

    private final LockstepSettings settings;
    private final long windowMs;

    public LockstepRules(LockstepSettings settings) {
        this.settings = settings;
        this.windowMs = settings.window().toMillis();
    }

    public LockstepSettings settings() {
        return settings;
    }

    /** Whether an action of this kind takes part in lockstep detection. */
    public static boolean isLockstepKind(EventType type) {
        return type == EventType.FOLLOW || type == EventType.LIKE;
    }

    /** The two buckets an action falls in. */
    public List<BucketId> bucketsOf(EventType kind, String target, Instant at) {
        long ms = at.toEpochMilli();
        return List.of(new BucketId(kind, target, 'A', Math.floorDiv(ms, windowMs)),
                new BucketId(kind, target, 'B', Math.floorDiv(ms + windowMs / 2, windowMs)));
    }

    /** The time a bucket covers. */
    public Instant from(BucketId b) {
        return Instant.ofEpochMilli(b.index() * windowMs - (b.scheme() == 'B' ? windowMs / 2 : 0));
    }

    public boolean isCrowded(long size) {
        return size >= settings.minCrowd() && size <= settings.maxCrowd();
    }

    /** A crowded bucket's weight: 1 up to flashCrowd accounts, then falling with its size. */
    public double weight(int size) {
        return size <= settings.flashCrowd() ? 1.0 : (double) settings.flashCrowd() / size;
    }

    /** Worth pairing: the account's crowded buckets cover enough distinct targets (unweighted, so a cheap first cut). */
    public boolean isCandidate(Collection<BucketId> crowded) {
        return crowded.stream().map(BucketId::target).distinct().count() >= Math.ceil(settings.minSharedTargets());
    }

    /**
     * The accounts paired with the seed through its crowded buckets, with their weighted shared
     * targets (the seed excluded). A target weighs by the largest crowd the seed met on it, so that
     * a flash crowd counts as one whichever bucketing split it.
     */
    public Map<String, Double> paired(String seed, List<CrowdedBucket> buckets) {
        Map<String, Integer> crowdOf = new HashMap<>();
        for (CrowdedBucket b : buckets) {
            if (b.members().contains(seed)) {
                crowdOf.merge(targetKey(b.id()), b.members().size(), Math::max);
            }
        }
        Map<String, Map<String, Double>> perTarget = new HashMap<>();
        for (CrowdedBucket b : buckets) {
            if (!b.members().contains(seed)) {
                continue;
            }
            double w = weight(crowdOf.get(targetKey(b.id())));
            for (String other : b.members()) {
                if (!other.equals(seed)) {
                    perTarget.computeIfAbsent(other, o -> new HashMap<>()).merge(b.id().target(), w, Math::max);
                }
            }
        }
        Map<String, Double> paired = new TreeMap<>();
        perTarget.forEach((other, targets) -> {
            double shared = targets.values().stream().mapToDouble(Double::doubleValue).sum();
            if (shared >= settings.minSharedTargets()) {
                paired.put(other, shared);
            }
        });
        return paired;
    }

    private static String targetKey(BucketId b) {
        return b.kind() + "\u0000" + b.target();
    }

    /**
     * The group around the seed, or empty when the seed is not in lockstep with enough accounts.
     *
     * @param buckets the seed's crowded buckets with their members
     * @param windowTargets per account, per window id ({@link BucketId#windowId()}), the distinct
     *        targets it engaged with in that window; a window missing there counts only its
     *        lockstep targets (the data expired or was not written yet)
     */
    public Optional<List<Membership>> group(String seed, List<CrowdedBucket> buckets, Map<String, Map<String, Long>> windowTargets) {
        Map<String, Double> paired = paired(seed, buckets);
        if (paired.size() + 1 < settings.minGroupSize()) {
            return Optional.empty();
        }
        List<CrowdedBucket> seedBuckets = buckets.stream().filter(b -> b.members().contains(seed)).toList();
        // The seed's own windows: those it shares with at least one paired account.
        List<CrowdedBucket> shared = seedBuckets.stream().filter(b -> b.members().stream().anyMatch(paired::containsKey)).toList();
        Membership seedMember = membership(seed, shared, paired.values().stream().mapToDouble(Double::doubleValue).max().orElse(0),
                windowTargets.getOrDefault(seed, Map.of()));
        if (seedMember.lockstepShare() < settings.minLockstepShare()) {
            return Optional.empty();
        }
        List<Membership> members = new ArrayList<>();
        members.add(seedMember);
        paired.forEach((account, weight) -> {
            List<CrowdedBucket> its = shared.stream().filter(b -> b.members().contains(account)).toList();
            Membership m = membership(account, its, weight, windowTargets.getOrDefault(account, Map.of()));
            if (m.lockstepShare() >= settings.minLockstepShare()) {
                members.add(m);
            }
        });
        return members.size() >= settings.minGroupSize() ? Optional.of(List.copyOf(members)) : Optional.empty();
    }

    /**
     * The member's lockstep share: in the windows it shares with the group, the share of the distinct
     * targets it engaged with that are the group's; computed for each bucketing on its own and the
     * smaller one taken. Both bucketings see the same actions, but where a boundary of one of them
     * falls between an account's lockstep and the rest of what it did, that bucketing sees the
     * lockstep alone (a fan's likes on a farm's targets just before a boundary, its browsing just
     * after): a member must be mostly lockstep however the windows fall.
     */
    private Membership membership(String account, List<CrowdedBucket> its, double sharedTargets, Map<String, Long> windowTargets) {
        Map<String, Long> lockstepPerWindow = new HashMap<>();
        Map<String, Character> schemeOf = new HashMap<>();
        for (CrowdedBucket b : its) {
            lockstepPerWindow.merge(b.id().windowId(), 1L, Long::sum);
            schemeOf.put(b.id().windowId(), b.id().scheme());
        }
        Map<Character, long[]> perScheme = new HashMap<>();
        for (Map.Entry<String, Long> w : lockstepPerWindow.entrySet()) {
            long[] counts = perScheme.computeIfAbsent(schemeOf.get(w.getKey()), k -> new long[2]);
            counts[0] += w.getValue();
            counts[1] += Math.max(w.getValue(), windowTargets.getOrDefault(w.getKey(), 0L));
        }
        double share = perScheme.isEmpty() ? 0 : 1;
        for (long[] counts : perScheme.values()) {
            share = Math.min(share, counts[1] == 0 ? 0 : (double) counts[0] / counts[1]);
        }
        return new Membership(account, windows(its), sharedTargets, share);
    }

    /** The buckets as windows, one per target and kind, spanning every bucket of that target and kind. */
    public List<LockstepWindow> windows(List<CrowdedBucket> buckets) {
        Map<String, LockstepWindow> byTarget = new LinkedHashMap<>();
        for (CrowdedBucket b : buckets) {
            Instant from = from(b.id());
            Instant to = from.plusMillis(windowMs);
            String key = b.id().kind() + "\u0000" + b.id().target();
            LockstepWindow existing = byTarget.get(key);
            byTarget.put(key, existing == null ? new LockstepWindow(b.id().target(), from, to, b.id().kind())
                    : new LockstepWindow(b.id().target(), min(existing.from(), from), max(existing.to(), to), b.id().kind()));
        }
        return new ArrayList<>(byTarget.values());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
