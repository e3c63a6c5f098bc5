package dev.integrity.scoring.decision;

import java.util.List;
import java.util.Map;

import dev.integrity.contract.Profile;

/**
 * An account's raw counters as the feature store keeps them, before any window is applied.
 *
 * @param hourCounters per hour of event time: {@code hour:kind} (all engagement), {@code hour:kind:tp}
 *        (through third-party apps) and {@code hour:kind:app:APP}; kind is F, L or C
 * @param minuteCounters per minute of event time: {@code minute:kind}
 * @param distinctTargets24h distinct engaged targets (estimated) over the last two days' sets
 * @param recentTimes epoch milliseconds of the most recent engagement, any order
 * @param profile the latest PROFILE_SNAPSHOT, or null
 * @param firstSeenMs the event time of the first event seen, or null
 */
public record RawFeatures(Map<String, Long> hourCounters, Map<String, Long> minuteCounters, long distinctTargets24h, long distinctIps24h,
        long distinctDevices24h, List<Long> recentTimes, Profile profile, Long firstSeenMs) {
}
