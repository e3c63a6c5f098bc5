package dev.integrity.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Latency summaries for the report, in milliseconds. */
final class Latencies {

    /** The percentiles drawn in the percentile plot. */
    static final double[] PLOTTED = {10, 25, 50, 75, 90, 95, 99, 99.9, 99.99};

    private Latencies() {
    }

    /** @param perMilli histogram units per millisecond (1000 for microseconds) */
    static BenchReport.Latency of(String what, Histogram h, double perMilli) {
        long n = h.getTotalCount();
        if (n == 0) {
            return new BenchReport.Latency(what, 0, null, null, null, null, null, List.of());
        }
        List<BenchReport.Point> points = new ArrayList<>();
        for (double p : PLOTTED) {
            points.add(new BenchReport.Point(p, h.getValueAtPercentile(p) / perMilli));
        }
        points.add(new BenchReport.Point(100, h.getMaxValue() / perMilli));
        return new BenchReport.Latency(what, n, h.getValueAtPercentile(50) / perMilli, h.getValueAtPercentile(95) / perMilli,
                h.getValueAtPercentile(99) / perMilli, h.getMaxValue() / perMilli, h.getMean() / perMilli, points);
    }

    /** Accepted → decided from the difference of two snapshots of scoring's histogram (seconds). */
    static BenchReport.ServerLatency server(String metric, String source, PrometheusHistogram before, PrometheusHistogram after) {
        String note = null;
        PrometheusHistogram diff;
        if (after.isResetSince(before)) {
            diff = after;
            note = "scoring's counters went backwards (it restarted during the phase): these are its counts since the restart";
        } else {
            diff = after.minus(before);
        }
        long n = diff.total();
        Map<String, Double> own = new LinkedHashMap<>();
        after.quantiles().forEach((q, seconds) -> own.put(String.format(Locale.ROOT, "%s", trim(q)), seconds * 1000));
        if (n == 0) {
            return new BenchReport.ServerLatency(metric, source, 0, null, null, null, null, List.of(), List.of(), own,
                    note != null ? note : "scoring decided nothing between the two snapshots");
        }
        List<BenchReport.Point> points = new ArrayList<>();
        for (double p : PLOTTED) {
            points.add(new BenchReport.Point(p, diff.quantile(p / 100) * 1000));
        }
        List<BenchReport.BucketCount> buckets = diff.nonEmptySpan().stream()
                .map(b -> new BenchReport.BucketCount(b.lower() * 1000, Double.isInfinite(b.upper()) ? null : b.upper() * 1000, b.count()))
                .toList();
        double mean = diff.mean();
        return new BenchReport.ServerLatency(metric, source, n, ms(diff.quantile(0.50)), ms(diff.quantile(0.95)), ms(diff.quantile(0.99)),
                Double.isNaN(mean) ? null : mean * 1000, buckets, points, own, note);
    }

    private static Double ms(double seconds) {
        return Double.isNaN(seconds) ? null : seconds * 1000;
    }

    private static String trim(double q) {
        String s = Double.toString(q);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
