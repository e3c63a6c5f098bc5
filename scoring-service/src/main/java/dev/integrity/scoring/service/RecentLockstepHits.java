package dev.integrity.scoring.service;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.integrity.scoring.model.LockstepHit;

/**
 * The last lockstep hit of recently grouped accounts, so that a bot in a farm is not re-examined
 * on every action: its hit stands until its crowded buckets grow by a quarter (new windows and
 * new members are then taken in). Only hits are kept; an account without one is always examined.
 * Bounded, least recently used first out; per replica, so a restart only costs recomputation.
 */
final class RecentLockstepHits {

    private static final double REGROWTH = 1.25;

    private record Remembered(LockstepHit hit, int crowdedBuckets) {
    }

    private final Map<String, Remembered> entries;

    RecentLockstepHits(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The account's last hit, if its crowded buckets have not grown enough since to look again. */
    synchronized LockstepHit reusable(String account, int crowdedBuckets) {
        Remembered entry = entries.get(account);
        return entry != null && crowdedBuckets < entry.crowdedBuckets() * REGROWTH ? entry.hit() : null;
    }

    synchronized void remember(LockstepHit hit, int crowdedBuckets) {
        entries.put(hit.accountId(), new Remembered(hit, crowdedBuckets));
    }
}
