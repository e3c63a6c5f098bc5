package dev.integrity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void lagAndCatchingUpFromOffsets() {
        Map<Integer, Long> start = Map.of(0, 0L, 1, 100L, 2, 0L);
        Map<Integer, Long> end = Map.of(0, 50L, 1, 180L, 2, 0L);
        Map<Integer, Long> committed = Map.of(0, 40L); // nothing committed on 1 and 2 yet
        assertEquals(10 + 80, ConsumerLag.lag(end, committed, start));
        assertFalse(ConsumerLag.caughtUp(committed, end, start));
        assertTrue(ConsumerLag.caughtUp(Map.of(0, 50L, 1, 180L), end, start)); // partition 2 is empty: nothing to commit
        assertTrue(ConsumerLag.caughtUp(Map.of(0, 60L, 1, 200L), end, start)); // further is fine (more was sent since)
        assertEquals(0, ConsumerLag.lag(end, Map.of(0, 50L, 1, 180L), start));
        assertEquals(130, ConsumerLag.appended(start, end));
        // A transactional topic: its last commit marker takes an offset that no consumer commits past.
        assertTrue(ConsumerLag.caughtUp(Map.of(0, 49L, 1, 179L), end, start, 1));
        assertFalse(ConsumerLag.caughtUp(Map.of(0, 48L, 1, 179L), end, start, 1));
        assertEquals(0, ConsumerLag.lag(end, Map.of(0, 49L, 1, 179L), start, 1));
        assertEquals(1, ConsumerLag.lag(end, Map.of(0, 48L, 1, 179L), start, 1));
    }

    @Test
    void ratiosAndTargets() {
        BenchReport.Ratios r = Targets.ratios(400_000.0, 120_000.0, 45_000.0);
        assertEquals(0.3, r.acceptedToBaseline(), 1e-12);
        assertEquals(0.1125, r.processedToBaseline(), 1e-12);
        assertNull(Targets.ratios(null, 1.0, 1.0).acceptedToBaseline());
        assertNull(Targets.ratios(0.0, 1.0, 1.0).processedToBaseline());
        assertNull(Targets.ratios(10.0, 1.0, null).processedToBaseline());

        List<Targets.Target> met = Targets.evaluate(400_000.0, 40_000.0, 30_000.0, 250.0, 5000, usage(300 * 1024L));
        assertEquals(List.of(Targets.Status.MET, Targets.Status.MET, Targets.Status.MET, Targets.Status.MET),
                met.stream().map(Targets.Target::status).toList()); // every bound is inclusive
        assertEquals("≥ 0.10 × baseline = 40,000/s", met.get(0).targetText());
        assertEquals("40,000/s", met.get(0).measuredText());
        assertEquals("≤ 250 ms at 5,000/s", met.get(2).targetText());
        assertEquals("300 MB (scoring)", met.get(3).measuredText());

        List<Targets.Target> missed = Targets.evaluate(400_000.0, 39_999.0, 29_999.0, 250.5, 5000, usage(300 * 1024L + 1));
        assertEquals(List.of(Targets.Status.NOT_MET, Targets.Status.NOT_MET, Targets.Status.NOT_MET, Targets.Status.NOT_MET),
                missed.stream().map(Targets.Target::status).toList());

        List<Targets.Target> otherRate = Targets.evaluate(200_000.0, 60_000.0, 25_000.0, 100.0, 2000, List.of());
        assertTrue(otherRate.get(2).targetText().contains("another rate"), otherRate.get(2).targetText());

        List<Targets.Target> unknown = Targets.evaluate(null, 1.0, null, null, 5000, List.of());
        assertEquals(List.of(Targets.Status.UNKNOWN, Targets.Status.UNKNOWN, Targets.Status.UNKNOWN, Targets.Status.UNKNOWN),
                unknown.stream().map(Targets.Target::status).toList());
        assertEquals("n/a", unknown.get(2).measuredText());
    }

    /** Kafka far above the bound (the platform's servers are not held to it), scoring at {@code scoringKb} at its largest. */
    private static List<BenchReport.PhaseUsage> usage(long scoringKb) {
        List<Processes.Usage> rows = List.of(new Processes.Usage("scoring", List.of(1L), 90.0, 200_000L, scoringKb),
                new Processes.Usage("ingest", List.of(2L), 50.0, 150_000L, 250_000L),
                new Processes.Usage("kafka", List.of(3L), 80.0, 900_000L, 1_000_000L));
        return List.of(new BenchReport.PhaseUsage("pipeline", 60, rows));
    }

    @Test
    void theTablePrintsEveryTargetWithItsMark() {
        BenchReport report = ReportSamples.full();
        StringWriter out = new StringWriter();
        BenchTable.print(report, new PrintWriter(out, true));
        String text = out.toString();
        assertTrue(text.contains("(a) baseline: Kafka producer, acks=all"), text);
        assertTrue(text.contains("400,000/s"), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("accepted through the gateway") && l.contains("120,000/s") && l.endsWith("MET") && !l.endsWith("NOT MET")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("processed (ledgered and scored)") && l.contains("≥ 30,000/s") && l.endsWith("MET") && !l.endsWith("NOT MET")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("p99 accepted → decided") && l.contains("310 ms") && l.endsWith("NOT MET")), text);
        assertTrue(text.contains("accepted → decided, ms (server: scoring histogram)"), text);
        assertTrue(text.contains("send → 202 per batch, ms (client: HdrHistogram)"), text);
        assertTrue(text.contains("ratios to the baseline: accepted 0.30 ×, processed 0.11 ×"), text);
        assertTrue(text.lines().anyMatch(l -> l.strip().startsWith("ingest") && l.contains("180% / 400")), text);
        assertTrue(text.contains("detection per archetype: no evaluation found"), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("largest service RSS") && l.contains("400 MB (ingest)") && l.endsWith("NOT MET")), text);
        assertTrue(text.contains("(b) scoring processed 45,000/s (7,200,000 records in 160.0 s)"), text);
        assertTrue(text.contains("scale-out: scoring on 100,000 events with one instance 2,500/s, with two 2,778/s (1.11 ×)"), text);

        StringWriter failed = new StringWriter();
        BenchTable.print(ReportSamples.failedEarly(), new PrintWriter(failed, true));
        assertTrue(failed.toString().contains("the run stopped early: cannot describe topic account-events"), failed.toString());
        assertTrue(failed.toString().lines().filter(l -> l.endsWith("n/a")).count() >= 4, failed.toString());
    }
}
