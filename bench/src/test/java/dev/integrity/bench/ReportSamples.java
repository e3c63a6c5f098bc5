package dev.integrity.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports as a finished run would produce them, without servers. */
final class ReportSamples {

    private ReportSamples() {
    }

    static BenchReport.Parameters parameters() {
        return new BenchReport.Parameters("http://127.0.0.1:8080", "127.0.0.1:9092", "http://127.0.0.1:8082/q/metrics", 20_000, 42, 20, 200_000,
                60, 5000, 4, 4, 5000, 30, 500, 16, 300);
    }

    static Map<String, BenchReport.GroupRate> groupRates() {
        Map<String, BenchReport.GroupRate> rates = new LinkedHashMap<>();
        rates.put("ingest-ledger", new BenchReport.GroupRate(7_200_000, 70.2, 7_200_000 / 70.2, true));
        rates.put("scoring", new BenchReport.GroupRate(7_200_000, 160.0, 45_000.0, true));
        return rates;
    }

    static BenchReport full() {
        BenchReport.Baseline baseline = new BenchReport.Baseline("bench.baseline", 12, Map.of("acks", "all"), 200_000, 229.5, 3, 8_000_000,
                8_000_000, 0, 20.0, 400_000.0, null);
        Map<String, Double> caughtUp = new LinkedHashMap<>();
        caughtUp.put("ingest-ledger", 70.2);
        caughtUp.put("scoring", 160.0);
        List<BenchReport.Point> clientPoints = List.of(new BenchReport.Point(50, 40), new BenchReport.Point(90, 60),
                new BenchReport.Point(99, 90), new BenchReport.Point(99.9, 120), new BenchReport.Point(100, 150));
        BenchReport.Pipeline pipeline = new BenchReport.Pipeline(60.0, 7_200_000, 7_200_000, 0, 0, 1440, 3, 0, Map.of("202", 1440L), 120_000.0,
                7_200_000, Map.of("ingest-ledger", 0L, "scoring", 0L), caughtUp, 160.0, 45_000.0, groupRates(), Map.of("ingest-ledger", 0L, "scoring", 0L),
                new BenchReport.Latency("send → 202 per batch of 5000", 1440, 150.0, 300.0, 420.0, 800.0, 170.0, clientPoints));
        List<BenchReport.BucketCount> buckets = List.of(new BenchReport.BucketCount(0, 1.0, 5), new BenchReport.BucketCount(1.0, 2.0, 30),
                new BenchReport.BucketCount(2.0, 50.0, 140_000), new BenchReport.BucketCount(50.0, 300.0, 9_000),
                new BenchReport.BucketCount(300.0, null, 965));
        List<BenchReport.Point> serverPoints = List.of(new BenchReport.Point(10, 3), new BenchReport.Point(50, 20), new BenchReport.Point(90, 45),
                new BenchReport.Point(99, 310), new BenchReport.Point(99.99, 300));
        BenchReport.ServerLatency server = new BenchReport.ServerLatency(Bench.LATENCY_METRIC, "http://127.0.0.1:8082/q/metrics", 150_000, 20.0,
                48.0, 310.0, 25.0, buckets, serverPoints, Map.of("0.5", 21.0, "0.99", 300.0), null);
        BenchReport.FixedRate fixed = new BenchReport.FixedRate(5000, 30.0, 150_000, 150_000, 0, 5000.0, Map.of("202", 300L), true, server,
                new BenchReport.Latency("send → 202 per batch of 500", 300, 12.0, 20.0, 35.0, 60.0, 13.0, clientPoints));
        List<BenchReport.PhaseUsage> usage = new ArrayList<>();
        for (String phase : List.of("baseline", "pipeline", "catch-up", "fixed-rate")) {
            List<Processes.Usage> rows = new ArrayList<>();
            for (String c : Processes.components()) {
                rows.add(c.equals("notify") ? new Processes.Usage(c, List.of(), null, null, null)
                        : new Processes.Usage(c, List.of(100L), c.equals("ingest") ? 180.0 : 35.5, 380_000L, 409_600L));
            }
            usage.add(new BenchReport.PhaseUsage(phase, 20, rows));
        }
        List<BenchReport.Sample> timeline = new ArrayList<>();
        for (int t = 1; t <= 150; t++) {
            String phase = t <= 20 ? "baseline" : t <= 80 ? "pipeline" : t <= 115 ? "catch-up" : "fixed-rate";
            Double rate = switch (phase) {
                case "baseline" -> 400_000.0 + (t % 3) * 1000;
                case "pipeline" -> 120_000.0 - (t % 5) * 2000;
                case "fixed-rate" -> 5000.0;
                default -> 0.0;
            };
            Map<String, Long> lag = new LinkedHashMap<>();
            lag.put("ingest-ledger", t > 20 && t <= 90 ? (long) (t - 20) * 1000 : 0L);
            lag.put("scoring", t > 20 && t <= 115 ? (long) (t - 20) * 40_000 : 0L);
            timeline.add(new BenchReport.Sample(t, phase, (long) t * 1000, rate, t == 50 ? null : lag, Map.of("ingest", 400_000L)));
        }
        BenchReport.Detection detection = DetectionReader.read(null);
        return new BenchReport(Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:04:00Z"), parameters(), baseline, pipeline,
                fixed, new BenchReport.ScaleOut(100_000, new BenchReport.GroupRate(100_000, 40.0, 2_500.0, true),
                        new BenchReport.GroupRate(100_000, 36.0, 100_000 / 36.0, true), (100_000 / 36.0) / 2_500.0, null),
                Targets.ratios(400_000.0, 120_000.0, 45_000.0), Targets.evaluate(400_000.0, 120_000.0, 45_000.0, 310.0, 5000, usage), usage,
                timeline, detection, List.of("a note with <angle brackets> & an ampersand"), null);
    }

    static BenchReport withDetection(BenchReport r, BenchReport.Detection d) {
        return new BenchReport(r.startedAt(), r.finishedAt(), r.parameters(), r.baseline(), r.pipeline(), r.fixedRate(), r.scaleOut(), r.ratios(), r.targets(),
                r.processes(), r.timeline(), d, r.notes(), r.error());
    }

    static BenchReport failedEarly() {
        return new BenchReport(Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:00:15Z"), parameters(), null, null, null, null,
                Targets.ratios(null, null, null), Targets.evaluate(null, null, null, null, 5000, List.of()), List.of(), List.of(),
                DetectionReader.read(null), List.of(), "cannot describe topic account-events at 127.0.0.1:9092: no answer within 15 s");
    }
}
