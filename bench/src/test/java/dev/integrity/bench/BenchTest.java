package dev.integrity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrity.contract.EventJson;
import dev.integrity.simulator.send.EventsEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole benchmark against fakes of Kafka, the gateway and scoring's metrics: phases, bounds, report. */
class BenchTest {

    @TempDir
    Path dir;

    /** Kafka whose consumers commit what was on the topic 300 ms earlier. */
    static class FakeKafka implements KafkaSide {
        final AtomicLongArray end = new AtomicLongArray(12);
        final List<long[]> history = Collections.synchronizedList(new ArrayList<>());
        final List<String> created = Collections.synchronizedList(new ArrayList<>());
        final List<String> deleted = Collections.synchronizedList(new ArrayList<>());
        volatile long lagNanos = Duration.ofMillis(300).toNanos();

        void append(String key) {
            end.incrementAndGet(Math.floorMod(key.hashCode(), 12));
        }

        private Map<Integer, Long> map(long[] offsets) {
            Map<Integer, Long> m = new TreeMap<>();
            for (int p = 0; p < offsets.length; p++) {
                m.put(p, offsets[p]);
            }
            return m;
        }

        private long[] now() {
            long[] o = new long[12];
            for (int p = 0; p < 12; p++) {
                o[p] = end.get(p);
            }
            return o;
        }

        @Override
        public Map<Integer, Long> endOffsets(String topic) {
            long[] o = now();
            history.add(new long[] {System.nanoTime(), o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8], o[9], o[10], o[11]});
            return map(o);
        }

        @Override
        public Map<Integer, Long> startOffsets(String topic) {
            return map(new long[12]);
        }

        @Override
        public Map<Integer, Long> committed(String group, String topic) {
            endOffsets(topic);
            long cutoff = System.nanoTime() - lagNanos;
            long[] best = new long[12];
            synchronized (history) {
                for (long[] h : history) {
                    if (h[0] <= cutoff) {
                        System.arraycopy(h, 1, best, 0, 12);
                    }
                }
            }
            return map(best);
        }

        @Override
        public boolean createTopic(String topic, int partitions) {
            created.add(topic + "/" + partitions);
            return true;
        }

        @Override
        public void deleteTopic(String topic) {
            deleted.add(topic);
        }

        @Override
        public Map<String, String> producerConfig() {
            return Map.of("acks", "all");
        }

        @Override
        public BaselineResult produce(String topic, EventPool pool, Duration warmUp, Duration duration, AtomicLong acknowledged) {
            assertEquals(Duration.ofSeconds(3), warmUp);
            long start = System.nanoTime();
            long stop = start + duration.toNanos();
            long sent = 0;
            while (System.nanoTime() < stop) {
                for (int i = 0; i < pool.size(); i++) {
                    assertNotNull(pool.key(i));
                }
                sent += pool.size();
                acknowledged.addAndGet(pool.size());
                sleep(5);
            }
            return new BaselineResult(sent, sent, 0, (System.nanoTime() - start) / 1e9, 0, null);
        }

        @Override
        public void close() {
        }
    }

    /** The gateway: takes every event (20 ms a request), puts it on the fake topic, and scoring decides it in 20 ms. */
    static final class FakeGateway implements EventsEndpoint {
        final FakeKafka kafka;
        final AtomicLong decided = new AtomicLong();

        FakeGateway(FakeKafka kafka) {
            this.kafka = kafka;
        }

        @Override
        public Answer post(byte[] body) throws IOException {
            JsonNode events = EventJson.mapper().readTree(body);
            sleep(20);
            for (JsonNode e : events) {
                kafka.append(e.path("accountId").asText());
            }
            decided.addAndGet(events.size());
            return new Answer(202, "{\"accepted\":" + events.size() + ",\"duplicates\":0,\"rejected\":[]}", null);
        }

        @Override
        public String describe() {
            return "fake gateway";
        }

        String metrics() {
            long n = decided.get();
            return "# TYPE scoring_decision_latency_seconds histogram\n"
                    + "scoring_decision_latency_seconds{quantile=\"0.99\",} 0.02\n"
                    + "scoring_decision_latency_seconds_bucket{le=\"0.01\",} 0.0\n"
                    + "scoring_decision_latency_seconds_bucket{le=\"0.025\",} " + n + ".0\n"
                    + "scoring_decision_latency_seconds_bucket{le=\"+Inf\",} " + n + ".0\n"
                    + "scoring_decision_latency_seconds_count " + n + ".0\n"
                    + "scoring_decision_latency_seconds_sum " + (n * 0.02) + "\n";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyPhaseRunsBoundedAndTheReportHasWhatWasMeasured() throws Exception {
        FakeKafka kafka = new FakeKafka();
        FakeGateway gateway = new FakeGateway(kafka);
        Path pids = Files.createDirectories(dir.resolve(".suite/pids"));
        Files.writeString(pids.resolve("ingest"), ProcessHandle.current().pid() + "\n");
        Processes processes = new Processes(ProcFs.system(), pids, List::of, -1);
        Bench.Options options = new Bench.Options(50, 9, 1, 1, 1000, 2, 200, 2, 1000, 1, 100, 4, 10, 10, 2, 400);
        StringWriter log = new StringWriter();
        List<String> replicaCalls = Collections.synchronizedList(new ArrayList<>());
        Replicas replicas = new Replicas() {
            @Override
            public void start() {
                replicaCalls.add("start");
                kafka.lagNanos = Duration.ofMillis(150).toNanos(); // two instances: the group keeps closer behind
            }

            @Override
            public void stop() {
                replicaCalls.add("stop");
            }
        };
        Bench bench = new Bench(options, kafka, List.of(gateway, gateway), gateway::metrics, "fake metrics", processes, replicas, 100,
                new PrintWriter(log, true));
        long started = System.nanoTime();
        BenchReport r = bench.run(ReportSamples.parameters(), dir.resolve("no-evaluation.json"));
        double took = (System.nanoTime() - started) / 1e9;

        assertNull(r.error(), r.error() + "\n" + log);
        assertTrue(took < 20, "bounded: took " + took + " s");
        assertEquals(List.of("bench.baseline/12"), kafka.created);
        assertEquals(List.of("bench.baseline"), kafka.deleted, "the scratch topic is deleted at the end");

        assertTrue(r.baseline().eventsPerSecond() > 0);
        assertEquals(1000, r.baseline().poolEvents());

        BenchReport.Pipeline p = r.pipeline();
        assertTrue(p.accepted() > 0, String.valueOf(p));
        assertEquals(p.accepted(), p.recordsAppended());
        assertEquals(p.events(), p.accepted());
        assertEquals(Map.of("202", p.requests()), p.answers());
        assertEquals(List.of("ingest-ledger", "scoring"), List.copyOf(p.caughtUpSeconds().keySet()));
        assertTrue(p.processedSeconds() >= p.sendSeconds(), p.processedSeconds() + " vs " + p.sendSeconds());
        assertTrue(p.processedSeconds() < p.sendSeconds() + 3, "caught up about 300 ms after sending stopped: " + p.processedSeconds());
        assertTrue(p.sendTo202().count() > 0 && p.sendTo202().p50() >= 20, String.valueOf(p.sendTo202()));

        BenchReport.FixedRate f = r.fixedRate();
        assertEquals(1000, f.events());
        assertEquals(1000, f.accepted());
        assertTrue(f.drained());
        assertEquals(1000, f.acceptedToDecided().count());
        assertTrue(f.acceptedToDecided().p99() > 10 && f.acceptedToDecided().p99() <= 25, String.valueOf(f.acceptedToDecided()));
        assertEquals(20.0, f.acceptedToDecided().mean(), 1e-6);
        assertEquals(10, f.sendTo202().count());

        assertEquals(4, r.targets().size());
        assertEquals(Targets.Status.MET, r.targets().get(2).status());
        assertEquals(2, p.groupRates().size());
        p.groupRates().values().forEach(g -> assertTrue(g.caughtUp() && g.records() == p.accepted(), String.valueOf(g)));
        assertEquals(p.groupRates().values().stream().mapToDouble(BenchReport.GroupRate::perSecond).min().orElseThrow(), p.processedPerSecond(), 1e-6);
        assertEquals(p.acceptedPerSecond() / r.baseline().eventsPerSecond(), r.ratios().acceptedToBaseline(), 1e-9);
        assertEquals(List.of("baseline", "pipeline", "catch-up", "fixed-rate", "scale-out-1", "scale-out-2"),
                r.processes().stream().map(BenchReport.PhaseUsage::phase).toList());
        assertEquals(List.of("start", "stop"), replicaCalls, "the second instance is started for (d) and stopped after it");
        BenchReport.ScaleOut scale = r.scaleOut();
        assertEquals(400, scale.events());
        assertTrue(scale.oneInstance().caughtUp() && scale.twoInstances().caughtUp(), String.valueOf(scale));
        assertEquals(400, scale.oneInstance().records());
        assertEquals(400, scale.twoInstances().records());
        assertEquals(scale.twoInstances().perSecond() / scale.oneInstance().perSecond(), scale.ratio(), 1e-9);
        Processes.Usage ingest = r.processes().get(1).processes().getFirst();
        assertEquals("ingest", ingest.component());
        assertNotNull(ingest.cpuPercent());
        assertTrue(ingest.maxRssKb() > 0);
        assertTrue(r.timeline().stream().anyMatch(s -> s.phase().equals("pipeline") && s.lag() != null), String.valueOf(r.timeline()));
        assertTrue(log.toString().contains("[pipeline"), log.toString());
        assertEquals("no evaluation found", r.detection().note());

        BenchOutput.write(dir.resolve("out"), r);
        assertTrue(Files.readString(dir.resolve("out/report.html")).contains("<svg"));
        assertEquals(1000, EventJson.mapper().readTree(dir.resolve("out/report.json").toFile()).path("fixedRate").path("accepted").asLong());
    }

    @Test
    void aRefusedTokenStopsTheRunBeforeAnythingIsMeasured() {
        FakeKafka kafka = new FakeKafka();
        EventsEndpoint refusing = new EventsEndpoint() {
            @Override
            public Answer post(byte[] body) {
                return new Answer(401, "{\"title\":\"Unauthorized\"}", null);
            }

            @Override
            public String describe() {
                return "fake";
            }
        };
        Bench bench = new Bench(new Bench.Options(50, 9, 1, 1, 100, 1, 100, 1, 100, 1, 100, 1, 1, 1, 1, 0), kafka, List.of(refusing),
                () -> "", "fake", new Processes(ProcFs.system(), dir, List::of, -1), null, 100, new PrintWriter(new StringWriter(), true));
        BenchReport r = bench.run(ReportSamples.parameters(), null);
        assertTrue(r.error().contains("did not accept an ingest token (401)"), r.error());
        assertTrue(kafka.created.isEmpty());
        assertTrue(r.timeline().isEmpty());
    }

    @Test
    void anUnreachableKafkaEndsTheRunWithAnErrorInTheReport() {
        FakeKafka broken = new FakeKafka() {
            @Override
            public Map<Integer, Long> startOffsets(String topic) {
                throw new IllegalStateException("cannot list the offsets of account-events at 127.0.0.1:1: no answer within 15 s");
            }
        };
        Processes processes = new Processes(ProcFs.system(), dir, List::of, -1);
        Bench bench = new Bench(new Bench.Options(50, 9, 1, 1, 100, 1, 100, 1, 100, 1, 100, 1, 1, 1, 1, 0), broken,
                List.of(new FakeGateway(broken)), () -> "", "fake", processes, null, 100, new PrintWriter(new StringWriter(), true));
        BenchReport r = bench.run(ReportSamples.parameters(), null);
        assertTrue(r.error().startsWith("cannot list the offsets of account-events"), r.error());
        assertNull(r.baseline());
        assertTrue(broken.deleted.isEmpty(), "nothing was created, nothing deleted");
        assertTrue(HtmlReport.render(r).contains("The run stopped early"));
    }
}
