package dev.integrity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets against what was measured. Reporting only: a missed target is marked, never
 * a failure of the run.
 */
public final class Targets {

    public static final double ACCEPTED_TO_BASELINE = 0.10;
    public static final double PROCESSED_MIN_PER_SECOND = 30_000;
    public static final double P99_MAX_MS = 250;
    public static final double P99_AT_RATE = 5_000;
    public static final double RSS_MAX_MB = 300;
    /** The suite's own services, each held to the memory bound (the platform's servers are not). */
    public static final List<String> SERVICES = List.of("ingest", "scoring", "scoring-2", "notify", "gateway");

    public enum Status {
        MET, NOT_MET, UNKNOWN;

        public String label() {
            return switch (this) {
                case MET -> "MET";
                case NOT_MET -> "NOT MET";
                case UNKNOWN -> "n/a";
            };
        }
    }

    /** One target: what, the measured value and the target as text, and whether it was met. */
    public record Target(String name, Double measured, String unit, String measuredText, String targetText, Status status) {
    }

    private Targets() {
    }

    /** Each rate over the baseline; null where either is missing. */
    public static BenchReport.Ratios ratios(Double baseline, Double accepted, Double processed) {
        return new BenchReport.Ratios(ratio(accepted, baseline), ratio(processed, baseline));
    }

    static Double ratio(Double value, Double baseline) {
        return value == null || baseline == null || baseline <= 0 ? null : value / baseline;
    }

    /**
     * @param baseline  (a) events/s
     * @param accepted  (b) accepted events/s
     * @param processed (b) processed events/s (the slower consumer group)
     * @param p99Ms     (c) accepted → decided p99 from scoring's histogram
     * @param fixedRate the offered rate (c) ran at
     * @param usage     each phase's CPU and memory, for the largest resident set of each service
     */
    public static List<Target> evaluate(Double baseline, Double accepted, Double processed, Double p99Ms, double fixedRate,
            List<BenchReport.PhaseUsage> usage) {
        List<Target> list = new ArrayList<>();
        list.add(new Target("accepted through the gateway (202s)", accepted, "events/s", rate(accepted),
                String.format(Locale.ROOT, "≥ %.2f × baseline%s", ACCEPTED_TO_BASELINE, baselineShare(baseline, ACCEPTED_TO_BASELINE)),
                atLeast(accepted, baseline == null ? null : ACCEPTED_TO_BASELINE * baseline)));
        list.add(new Target("processed (ledgered and scored)", processed, "events/s", rate(processed),
                String.format(Locale.ROOT, "≥ %,.0f/s", PROCESSED_MIN_PER_SECOND), atLeast(processed, PROCESSED_MIN_PER_SECOND)));
        boolean rateAsAsked = Math.abs(fixedRate - P99_AT_RATE) < 1e-9;
        Status p99 = p99Ms == null ? Status.UNKNOWN : p99Ms <= P99_MAX_MS ? Status.MET : Status.NOT_MET;
        list.add(new Target(String.format(Locale.ROOT, "p99 accepted → decided at %,.0f/s", fixedRate), p99Ms, "ms",
                p99Ms == null ? "n/a" : String.format(Locale.ROOT, "%,.0f ms", p99Ms),
                String.format(Locale.ROOT, "≤ %.0f ms at %,.0f/s%s", P99_MAX_MS, P99_AT_RATE, rateAsAsked ? "" : " (ran at another rate)"),
                p99));
        String largest = null;
        long largestKb = -1;
        for (BenchReport.PhaseUsage phase : usage == null ? List.<BenchReport.PhaseUsage>of() : usage) {
            for (Processes.Usage u : phase.processes()) {
                if (SERVICES.contains(u.component()) && u.maxRssKb() != null && u.maxRssKb() > largestKb) {
                    largestKb = u.maxRssKb();
                    largest = u.component();
                }
            }
        }
        Double mb = largest == null ? null : largestKb / 1024.0;
        list.add(new Target("largest service RSS under load", mb, "MB",
                mb == null ? "n/a" : String.format(Locale.ROOT, "%,.0f MB (%s)", mb, largest),
                String.format(Locale.ROOT, "≤ %.0f MB each", RSS_MAX_MB), mb == null ? Status.UNKNOWN : mb <= RSS_MAX_MB ? Status.MET : Status.NOT_MET));
        return list;
    }

    private static String baselineShare(Double baseline, double share) {
        return baseline == null ? "" : String.format(Locale.ROOT, " = %,.0f/s", share * baseline);
    }

    private static Status atLeast(Double value, Double threshold) {
        if (value == null || threshold == null) {
            return Status.UNKNOWN;
        }
        return value >= threshold ? Status.MET : Status.NOT_MET;
    }

    static String rate(Double perSecond) {
        return perSecond == null ? "n/a" : String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }
}
