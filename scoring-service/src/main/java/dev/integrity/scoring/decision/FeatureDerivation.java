package dev.integrity.scoring.decision;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.integrity.scoring.model.AccountFeatures;

/**
 * Derives an account's features from its raw counters, with windows anchored at the account's
 * latest event time (so replayed history scores as it did live): engagement by kind, through
 * third-party apps and per app in the last 24 h; follows in the last hour; the largest burst in one
 * minute; the regularity of the gaps between recent actions; distinct targets, IPs and devices;
 * the account's age.
 */
public final class FeatureDerivation {

    private static final long HOUR_MS = 3_600_000L;
    private static final long MINUTE_MS = 60_000L;
    private static final double DAY_MS = 86_400_000d;
    /** Fewer recent actions than this give no timing regularity. */
    public static final int MIN_ACTIONS_FOR_TIMING = 5;

    private FeatureDerivation() {
    }

    public static AccountFeatures derive(String account, long nowMs, RawFeatures raw) {
        long hour = Math.floorDiv(nowMs, HOUR_MS);
        long minute = Math.floorDiv(nowMs, MINUTE_MS);
        Map<String, Long> engagement = new TreeMap<>();
        Map<String, Long> thirdParty = new TreeMap<>();
        Map<String, Map<String, Long>> byApp = new TreeMap<>();
        raw.hourCounters().forEach((field, count) -> {
            String[] parts = field.split(":", 4);
            long fieldHour = Long.parseLong(parts[0]);
            if (fieldHour <= hour - 24 || fieldHour > hour) {
                return;
            }
            String kind = parts[1];
            if (parts.length == 2) {
                engagement.merge(kind, count, Long::sum);
            } else if (parts[2].equals("tp")) {
                thirdParty.merge(kind, count, Long::sum);
            } else {
                byApp.computeIfAbsent(parts[3], app -> new TreeMap<>()).merge(kind, count, Long::sum);
            }
        });
        long follows1h = 0;
        Map<Long, Long> perMinute = new HashMap<>();
        for (Map.Entry<String, Long> field : raw.minuteCounters().entrySet()) {
            String[] parts = field.getKey().split(":", 2);
            long fieldMinute = Long.parseLong(parts[0]);
            perMinute.merge(fieldMinute, field.getValue(), Long::sum);
            if (parts[1].equals("F") && fieldMinute > minute - 60 && fieldMinute <= minute) {
                follows1h += field.getValue();
            }
        }
        long maxBurst = perMinute.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double ageDays = Double.NaN;
        if (raw.profile() != null && raw.profile().createdAt() != null) {
            ageDays = (nowMs - raw.profile().createdAt().toEpochMilli()) / DAY_MS;
        } else if (raw.firstSeenMs() != null) {
            ageDays = (nowMs - raw.firstSeenMs()) / DAY_MS;
        }
        return new AccountFeatures(account, follows1h, engagement, thirdParty, byApp, raw.distinctTargets24h(), intervalCv(raw.recentTimes()),
                maxBurst, raw.distinctIps24h(), raw.distinctDevices24h(), ageDays, raw.profile());
    }

    /** Coefficient of variation of the gaps between the actions; NaN with fewer than {@value #MIN_ACTIONS_FOR_TIMING} actions. */
    public static double intervalCv(List<Long> recentTimes) {
        if (recentTimes == null || recentTimes.size() < MIN_ACTIONS_FOR_TIMING) {
            return Double.NaN;
        }
        long[] times = recentTimes.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(times);
        double sum = 0;
        double sumSquares = 0;
        int n = times.length - 1;
        for (int i = 1; i < times.length; i++) {
            double gap = times[i] - times[i - 1];
            sum += gap;
            sumSquares += gap * gap;
        }
        double mean = sum / n;
        if (mean == 0) {
            return 0;
        }
        double variance = Math.max(0, sumSquares / n - mean * mean);
        return Math.sqrt(variance) / mean;
    }
}
