package dev.integrity.scoring.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.Profile;

/**
 * One account's raw behaviour counters, as scoring's partition-local feature store keeps them:
 * engagement per hour of event time (all, through third-party apps, per app), per minute, the
 * times of the most recent engagement, distinct targets, IPs and devices per day, the latest
 * profile and the first and latest event times. {@link #record} adds one event and forgets what no
 * window reads any more; {@link #raw} answers the counters that windows anchored at an instant read.
 *
 * <p>Mutable on purpose: the store's processor reads it, records an event and writes it back, and
 * copying every map for each event would double the per-event cost. Distinct counts are HyperLogLog
 * sketches (Apache DataSketches, exact for small counts), so an account that follows thousands of
 * targets a day still costs a few hundred bytes.
 *
 * @param hours {@code hour:kind}, {@code hour:kind:tp} and {@code hour:kind:app:APP} counts (kind F, L or C)
 * @param minutes {@code minute:kind} counts
 * @param recent event times (epoch ms) of the latest engagement, newest first, at most {@value #RECENT}
 * @param targets serialised sketches of engaged targets, per day (epoch day of event time)
 * @param ips the same for IPs
 * @param devices the same for device ids
 * @param profile the latest PROFILE_SNAPSHOT recorded, or null
 * @param firstSeenMs the event time of the first event recorded, or null
 * @param latestMs the latest event time recorded (0 before any)
 */
public record FeatureCounters(Map<String, Long> hours, Map<String, Long> minutes, List<Long> recent, Map<Long, byte[]> targets,
        Map<Long, byte[]> ips, Map<Long, byte[]> devices, Profile profile, Long firstSeenMs, long latestMs) {

    static final long MINUTE_MS = 60_000L;
    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 86_400_000L;
    /** Engagement times kept for the timing regularity. */
    public static final int RECENT = 50;
    /** Hours of counters kept behind the latest event: the 24 h windows of any later anchor, with a day to spare. */
    static final long HOURS_KEPT = 48;
    /** log2 of the sketches' bucket count: about 3% error above a few hundred, exact below. */
    private static final int LG_K = 10;

    public FeatureCounters {
        // Kept as given when already mutable (the store's deserialiser makes them so): no copy per event.
        hours = mutable(hours);
        minutes = mutable(minutes);
        recent = recent instanceof ArrayList<Long> list ? list : recent == null ? new ArrayList<>() : new ArrayList<>(recent);
        targets = mutable(targets);
        ips = mutable(ips);
        devices = mutable(devices);
    }

    private static <K, V> Map<K, V> mutable(Map<K, V> map) {
        return map instanceof HashMap<K, V> hash ? hash : map == null ? new HashMap<>() : new HashMap<>(map);
    }

    public static FeatureCounters empty() {
        return new FeatureCounters(null, null, null, null, null, null, null, null, 0);
    }

    /**
     * Adds one event. {@code thirdPartyApp} is the event's client app when it is a third-party one,
     * else null. Answers the counters with the event recorded (this instance, changed).
     */
    public FeatureCounters record(AccountEvent event, String thirdPartyApp) {
        long at = event.occurredAt().toEpochMilli();
        long hour = Math.floorDiv(at, HOUR_MS);
        long day = Math.floorDiv(at, DAY_MS);
        String kind = switch (event.type()) {
            case FOLLOW -> "F";
            case LIKE -> "L";
            case COMMENT -> "C";
            default -> null;
        };
        if (kind != null) {
            hours.merge(hour + ":" + kind, 1L, Long::sum);
            if (thirdPartyApp != null) {
                hours.merge(hour + ":" + kind + ":tp", 1L, Long::sum);
                hours.merge(hour + ":" + kind + ":app:" + thirdPartyApp, 1L, Long::sum);
            }
            minutes.merge(Math.floorDiv(at, MINUTE_MS) + ":" + kind, 1L, Long::sum);
            addDistinct(targets, day, event.targetAccountId());
            recent.add(0, at);
            if (recent.size() > RECENT) {
                recent.subList(RECENT, recent.size()).clear();
            }
        }
        addDistinct(ips, day, event.ip());
        addDistinct(devices, day, event.deviceId());
        FeatureCounters next = new FeatureCounters(hours, minutes, recent, targets, ips, devices,
                event.profile() != null ? event.profile() : profile, firstSeenMs != null ? firstSeenMs : at, Math.max(latestMs, at));
        next.forgetBefore(Math.floorDiv(next.latestMs(), HOUR_MS));
        return next;
    }

    /** The raw counters that windows anchored at {@code nowMs} read: minutes of its hour and the one before, distinct counts of its day and the one before. */
    public RawFeatures raw(long nowMs) {
        long hour = Math.floorDiv(nowMs, HOUR_MS);
        long day = Math.floorDiv(nowMs, DAY_MS);
        Map<String, Long> lastMinutes = new HashMap<>();
        minutes.forEach((field, count) -> {
            long fieldHour = Math.floorDiv(leading(field), 60);
            if (fieldHour == hour || fieldHour == hour - 1) {
                lastMinutes.put(field, count);
            }
        });
        // The hour counters and recent times are handed over as they are, not copied: the derivation
        // reads them at once, before the next event changes them, and a copy per event is pure cost.
        return new RawFeatures(hours, lastMinutes, distinct(targets, day), distinct(ips, day), distinct(devices, day), recent, profile,
                firstSeenMs);
    }

    private void forgetBefore(long latestHour) {
        hours.keySet().removeIf(field -> leading(field) <= latestHour - HOURS_KEPT);
        minutes.keySet().removeIf(field -> Math.floorDiv(leading(field), 60) < latestHour - 1);
        long latestDay = Math.floorDiv(latestHour, 24);
        targets.keySet().removeIf(d -> d < latestDay - 1);
        ips.keySet().removeIf(d -> d < latestDay - 1);
        devices.keySet().removeIf(d -> d < latestDay - 1);
    }

    /** The hour or minute a counter's field starts with ({@code 493812:F} is hour or minute 493812). */
    private static long leading(String field) {
        return Long.parseLong(field, 0, field.indexOf(':'), 10);
    }

    private static void addDistinct(Map<Long, byte[]> perDay, long day, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        byte[] stored = perDay.get(day);
        HllSketch sketch = stored == null ? new HllSketch(LG_K) : HllSketch.heapify(stored);
        sketch.update(value);
        perDay.put(day, sketch.toCompactByteArray());
    }

    /** Distinct values over the day and the one before. */
    private static long distinct(Map<Long, byte[]> perDay, long day) {
        HllUnion union = new HllUnion(LG_K);
        boolean any = false;
        for (long d = day - 1; d <= day; d++) {
            byte[] stored = perDay.get(d);
            if (stored != null) {
                union.update(HllSketch.heapify(stored));
                any = true;
            }
        }
        return any ? Math.round(union.getResult().getEstimate()) : 0;
    }
}
