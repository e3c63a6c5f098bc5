package dev.integrity.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench} measured, as written to {@code report.json} and drawn in {@code report.html}.
 * Rates are events per second, latencies milliseconds, memory kB. A value that could not be
 * measured is null (with a note saying why), never a made-up number. Phases that did not run
 * (after an error) are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchReport(
        Instant startedAt,
        Instant finishedAt,
        Parameters parameters,
        Baseline baseline,
        Pipeline pipeline,
        FixedRate fixedRate,
        ScaleOut scaleOut,
        Ratios ratios,
        List<Targets.Target> targets,
        List<PhaseUsage> processes,
        List<Sample> timeline,
        Detection detection,
        List<String> notes,
        String error) {

    /** How the run was set up. */
    public record Parameters(String gateway, String kafka, String scoringMetrics, int accounts, long seed, int baselineSeconds,
            int baselinePoolEvents, int durationSeconds, int batch, int concurrency, int tokens, double fixedRate, int fixedSeconds,
            int fixedBatch, int fixedConcurrency, int catchUpTimeoutSeconds) {
    }

    /**
     * (a) A plain producer sending the simulator's serialised events to a scratch topic: acknowledged
     * events over the seconds after a warm-up (from its end to the last acknowledgement).
     */
    public record Baseline(String topic, int partitions, Map<String, String> producerConfig, int poolEvents, double averageEventBytes,
            double warmUpSeconds, long sent, long acknowledged, long failed, double seconds, Double eventsPerSecond, String firstError) {
    }

    /**
     * (b) Batches through the gateway as fast as it takes them, then the wait until both consumer groups
     * have committed past everything sent.
     *
     * @param sendSeconds        from the first request to the last answer
     * @param answers            HTTP answers by status ("transport-error" for none)
     * @param recordsAppended    records added to account-events while sending (a cross-check of accepted)
     * @param caughtUpSeconds    per group: seconds from the first send until it had committed past the end offsets
     *                           recorded when sending stopped (absent: not within the timeout)
     * @param processedSeconds   the later of the two (null if either did not catch up)
     * @param processedPerSecond the slower group's rate in {@code groupRates}: the pipeline processes no faster than its
     *                           slowest consumer; measured whether or not the groups caught up
     * @param groupRates         per consumer group, what it committed past from the first send until it caught up (or
     *                           until the wait ended)
     */
    public record Pipeline(double sendSeconds, long events, long accepted, long duplicates, long rejected, long requests, long retries,
            long transportErrors, Map<String, Long> answers, Double acceptedPerSecond, long recordsAppended, Map<String, Long> lagAtStart,
            Map<String, Double> caughtUpSeconds, Double processedSeconds, Double processedPerSecond, Map<String, GroupRate> groupRates,
            Map<String, Long> lagAtEnd, Latency sendTo202) {
    }

    /**
     * One consumer group's rate over the pipeline phase.
     *
     * @param records   records it committed past from the first send to the end of its window
     * @param seconds   its window: from the first send until it caught up, or until the wait for it ended
     * @param caughtUp  whether it reached the end offsets recorded when sending stopped
     */
    public record GroupRate(long records, double seconds, Double perSecond, boolean caughtUp) {
    }

    /** (c) A fixed offered rate, for latency. */
    public record FixedRate(double offeredRate, double sendSeconds, long events, long accepted, long rejected, Double achievedRate,
            Map<String, Long> answers, boolean drained, ServerLatency acceptedToDecided, Latency sendTo202) {
    }

    /**
     * (d) Scoring's rate on the same number of events sent through the gateway, first with one
     * instance, then with a second one in its consumer group.
     *
     * @param ratio two instances' rate over one's (null if either was not measured)
     * @param note  why the second measurement is missing, if it is
     */
    public record ScaleOut(long events, GroupRate oneInstance, GroupRate twoInstances, Double ratio, String note) {
    }

    /** A latency distribution (ms). */
    public record Latency(String what, long count, Double p50, Double p95, Double p99, Double max, Double mean, List<Point> percentiles) {
    }

    /** (percentile, ms) */
    public record Point(double percentile, double millis) {
    }

    /**
     * Accepted → decided from scoring's histogram: the bucket counts after the phase minus those
     * before, percentiles interpolated within buckets.
     *
     * @param scoringQuantiles the timer's own {@code quantile} lines after the phase (a recent window, not just this phase)
     */
    public record ServerLatency(String metric, String source, long count, Double p50, Double p95, Double p99, Double mean,
            List<BucketCount> buckets, List<Point> percentiles, Map<String, Double> scoringQuantiles, String note) {
    }

    /** Events with lowerMs &lt; latency ≤ upperMs; upperMs null for the +Inf bucket (above the largest bound). */
    public record BucketCount(double lowerMs, Double upperMs, long count) {
    }

    /** (e) Each rate over the baseline. */
    public record Ratios(Double acceptedToBaseline, Double processedToBaseline) {
    }

    /** (d) CPU and memory of each process over one phase. */
    public record PhaseUsage(String phase, double seconds, List<Processes.Usage> processes) {
    }

    /**
     * One second of the run: the phase's running count (acknowledged or accepted events) and its rate
     * over the last second, the consumer lag per group and the resident memory per component.
     */
    public record Sample(double t, String phase, long count, Double perSecond, Map<String, Long> lag, Map<String, Long> rssKb) {
    }

    /** Detection per archetype from a simulation's evaluation.json, if there is one. */
    public record Detection(String file, boolean found, Double flaggedPrecision, Double flaggedRecall, Double enforcedPrecision,
            Double enforcedRecall, List<ArchetypeDetection> archetypes, String note) {
    }

    public record ArchetypeDetection(String archetype, int label, int accounts, int flagged, Double flaggedShare, int enforced,
            Double enforcedShare) {
    }
}
