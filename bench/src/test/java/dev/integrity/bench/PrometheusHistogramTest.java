package dev.integrity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusHistogramTest {

    private static final String METRIC = "scoring_decision_latency_seconds";

    /** Pages scraped from a Micrometer PrometheusMeterRegistry with scoring's timer: 500 × 5 ms, then 1000 more of 1..200 ms. */
    private static String fixture(String name) throws IOException {
        try (InputStream in = PrometheusHistogramTest.class.getResourceAsStream("/bench/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsMicrometersTimerFromARealPage() throws IOException {
        PrometheusHistogram before = PrometheusHistogram.parse(fixture("scoring-metrics-before.txt"), METRIC).orElseThrow();
        PrometheusHistogram after = PrometheusHistogram.parse(fixture("scoring-metrics-after.txt"), METRIC).orElseThrow();
        assertEquals(500, before.total());
        assertEquals(500, before.count());
        assertEquals(2.5, before.sum(), 1e-9);
        assertEquals(1500, after.total());
        assertEquals(0.201293824, after.quantiles().get(0.99), 1e-12);
        assertEquals(3, after.quantiles().size());
        // the first bound is 1 ms and the last finite one 5 min, as the timer's expected range says
        double[] bounds = after.upperBounds();
        assertEquals(0.001, bounds[0], 1e-12);
        assertEquals(300.0, bounds[bounds.length - 2], 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, bounds[bounds.length - 1]);
        // another histogram on the page is not mixed in, nor a counter whose labels mention le="0.5"
        assertTrue(PrometheusHistogram.parse(fixture("scoring-metrics-after.txt"), "scoring_batch_size").isPresent());
        assertTrue(PrometheusHistogram.parse(fixture("scoring-metrics-after.txt"), "http_server_requests_demo_total").isEmpty());
    }

    @Test
    void percentilesOfTheDifferenceLieInTheTrueValuesBucket() throws IOException {
        PrometheusHistogram before = PrometheusHistogram.parse(fixture("scoring-metrics-before.txt"), METRIC).orElseThrow();
        PrometheusHistogram after = PrometheusHistogram.parse(fixture("scoring-metrics-after.txt"), METRIC).orElseThrow();
        assertFalse(after.isResetSince(before));
        PrometheusHistogram diff = after.minus(before);
        assertEquals(1000, diff.total());
        assertEquals(1000, diff.count());
        assertEquals(0.1005, diff.mean(), 1e-9); // (1 + … + 200) ms × 5 / 1000
        // the phase's values are 1..200 ms, 5 each: true p50 100 ms, p95 190 ms, p99 198 ms
        double[] bounds = diff.upperBounds();
        for (double[] qTrue : new double[][] {{0.50, 0.100}, {0.95, 0.190}, {0.99, 0.198}}) {
            double estimate = diff.quantile(qTrue[0]);
            double lower = 0;
            double upper = 0;
            for (double b : bounds) {
                if (b >= qTrue[1]) {
                    upper = b;
                    break;
                }
                lower = b;
            }
            assertTrue(estimate > lower - 1e-12 && estimate <= upper + 1e-12,
                    "q" + qTrue[0] + " = " + estimate + " not in (" + lower + ", " + upper + "]");
        }
        // the 500 earlier 5 ms events are gone: before them, p50 would have been far lower
        assertTrue(after.quantile(0.25) < diff.quantile(0.25));
    }

    @Test
    void interpolatesLikePrometheusHistogramQuantile() {
        String page = """
                # TYPE t_seconds histogram
                t_seconds_bucket{le="0.1"} 10
                t_seconds_bucket{le="0.2"} 30
                t_seconds_bucket{le="0.4"} 90
                t_seconds_bucket{le="+Inf"} 100
                t_seconds_count 100
                t_seconds_sum 25
                """;
        PrometheusHistogram h = PrometheusHistogram.parse(page, "t_seconds").orElseThrow();
        assertEquals(0.05, h.quantile(0.05), 1e-12); // first bucket from 0: 5 of 10 → half way to 0.1
        assertEquals(0.15, h.quantile(0.20), 1e-12); // rank 20: 10 of the 20 in (0.1, 0.2]
        assertEquals(0.3, h.quantile(0.60), 1e-12); // rank 60: 30 of the 60 in (0.2, 0.4]
        assertEquals(0.4, h.quantile(0.90), 1e-12); // the top of the last finite bucket
        assertEquals(0.4, h.quantile(0.99), 1e-12); // in +Inf: the largest finite bound, as Prometheus does
        assertEquals(0.25, h.mean(), 1e-12);
        assertEquals(List.of(new PrometheusHistogram.Bucket(0, 0.1, 10), new PrometheusHistogram.Bucket(0.1, 0.2, 20),
                new PrometheusHistogram.Bucket(0.2, 0.4, 60), new PrometheusHistogram.Bucket(0.4, Double.POSITIVE_INFINITY, 10)),
                h.nonEmptySpan());
    }

    @Test
    void sumsLabelSetsAndToleratesOpenMetricsDetails() {
        String page = """
                # HELP t_seconds x
                # TYPE t_seconds histogram
                t_seconds_bucket{instance="a",le="0.5"} 1.0 1700000000000
                t_seconds_bucket{instance="a",le="1.0"} 3.0 # {trace_id="abc"} 0.7 1700000000.000
                t_seconds_bucket{instance="a",le="+Inf"} 4.0
                t_seconds_bucket{le="0.5", instance="b\\"q,}"} 2
                t_seconds_bucket{le="1.0",instance="b\\"q,}",} 2
                t_seconds_bucket{instance="b\\"q,}",le="+Inf"} 2
                t_seconds_count{instance="a"} 4
                t_seconds_count{instance="b\\"q,}"} 2
                t_seconds_created{instance="a"} 1.7e9
                t_seconds{quantile="0.99",instance="a"} 0.9
                t_seconds{quantile="0.99",instance="b\\"q,}"} NaN
                garbage line without value
                # EOF
                """;
        PrometheusHistogram h = PrometheusHistogram.parse(page, "t_seconds").orElseThrow();
        assertEquals(6, h.total());
        assertEquals(6, h.count());
        assertEquals(3, h.cumulative(0.5));
        assertEquals(5, h.cumulative(1.0));
        assertEquals(0.9, h.quantiles().get(0.99), 1e-12);
        assertTrue(PrometheusHistogram.parse(page, "other_seconds").isEmpty());
    }

    @Test
    void differencesAcrossBoundsAndRestarts() {
        PrometheusHistogram before = PrometheusHistogram.parse("h_bucket{le=\"1\"} 5\nh_bucket{le=\"2\"} 8\nh_bucket{le=\"+Inf\"} 9\nh_count 9\n",
                "h").orElseThrow();
        PrometheusHistogram after = PrometheusHistogram.parse("h_bucket{le=\"1\"} 6\nh_bucket{le=\"2\"} 18\nh_bucket{le=\"+Inf\"} 20\nh_count 20\n",
                "h").orElseThrow();
        PrometheusHistogram d = after.minus(before);
        assertEquals(1, d.cumulative(1));
        assertEquals(10, d.cumulative(2));
        assertEquals(11, d.total());
        assertEquals(11, d.count());
        assertFalse(after.isResetSince(before));
        assertTrue(before.isResetSince(after));

        PrometheusHistogram empty = after.minus(after);
        assertEquals(0, empty.total());
        assertTrue(Double.isNaN(empty.quantile(0.99)));
        assertTrue(empty.nonEmptySpan().isEmpty());

        // no +Inf line: added from _count
        PrometheusHistogram noInf = PrometheusHistogram.parse("h_bucket{le=\"1\"} 2\nh_count 3\n", "h").orElseThrow();
        assertEquals(3, noInf.total());
    }

    @Test
    void serverLatencyInMillisecondsFromTwoSnapshots() throws IOException {
        PrometheusHistogram before = PrometheusHistogram.parse(fixture("scoring-metrics-before.txt"), METRIC).orElseThrow();
        PrometheusHistogram after = PrometheusHistogram.parse(fixture("scoring-metrics-after.txt"), METRIC).orElseThrow();
        BenchReport.ServerLatency s = Latencies.server(METRIC, "http://x/q/metrics", before, after);
        assertEquals(1000, s.count());
        assertTrue(s.p50() > 85 && s.p50() < 115, "p50 " + s.p50());
        assertTrue(s.p99() > 170 && s.p99() <= 225, "p99 " + s.p99());
        assertEquals(100.5, s.mean(), 1e-6);
        assertEquals(1000, s.buckets().stream().mapToLong(BenchReport.BucketCount::count).sum());
        assertEquals(201.293824, s.scoringQuantiles().get("0.99"), 1e-6);
        assertEquals(null, s.note());

        BenchReport.ServerLatency restarted = Latencies.server(METRIC, "x", after, before);
        assertTrue(restarted.note().contains("restarted"), restarted.note());
        assertEquals(500, restarted.count());
    }
}
