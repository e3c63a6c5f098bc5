package dev.integrity.bench;

import dev.integrity.simulator.send.EventsEndpoint;
import dev.integrity.simulator.send.Progress;
import dev.integrity.simulator.send.SendFailedException;
import dev.integrity.simulator.send.SendReport;
import dev.integrity.simulator.send.SendStats;
import dev.integrity.simulator.send.Sender;
import dev.integrity.simulator.send.SenderOptions;
import dev.integrity.simulator.send.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark, one phase after the other, each bounded in time:
 * <ol>
 * <li>baseline: a plain producer sends the simulator's serialised events to a scratch topic;</li>
 * <li>pipeline: batches through the gateway as fast as it takes them for {@code duration}, then
 * the wait until ingest's ledger and scoring have committed past everything sent;</li>
 * <li>fixed rate: a steady offered rate, with scoring's accepted → decided histogram read before
 * and after and the client's send → 202 time per batch;</li>
 * <li>scale-out: scoring's rate on the same number of events with one instance, then two;</li>
 * </ol>
 * with consumer lag, rates and every process's memory sampled each second throughout, and CPU
 * time per process and phase. It never fails on a missed target: it reports.
 */
public final class Bench {

    public static final String EVENTS_TOPIC = "account-events";
    /** The consuming stages whose progress the benchmark measures (see {@link Stages}). */
    public static final List<String> GROUPS = Stages.names(Stages.ALL);
    public static final String BASELINE_TOPIC = "bench.baseline";
    public static final int BASELINE_PARTITIONS = 12;
    public static final String LATENCY_METRIC = "scoring_decision_latency_seconds";

    /** Time a phase may take beyond its length before its requests are cut off. */
    private static final Duration HARD_GRACE = Duration.ofSeconds(60);
    private static final Duration FIXED_SLACK = Duration.ofSeconds(15);
    /** Not counted in the baseline: the producer's first seconds (JIT, connections, batches filling up). */
    private static final Duration BASELINE_WARM_UP = Duration.ofSeconds(3);

    /**
     * @param hours                 simulated hours per population (the stream goes on with another if they run out)
     * @param baselinePool          serialised events the baseline producer sends round and round
     * @param catchUpTimeoutSeconds longest wait after (b) for both groups to catch up
     * @param drainTimeoutSeconds   longest wait after (c) for scoring to decide everything sent
     * @param settleSeconds         longest wait before (b) for the consumers to have no lag
     * @param scaleOutEvents        events per half of (d); 0 skips it
     */
    public record Options(int accounts, long seed, double hours, int baselineSeconds, int baselinePool, int durationSeconds, int batch,
            int concurrency, double fixedRate, int fixedSeconds, int fixedBatch, int fixedConcurrency, int catchUpTimeoutSeconds,
            int drainTimeoutSeconds, int settleSeconds, int scaleOutEvents) {
    }

    /** Scoring's Prometheus page. */
    @FunctionalInterface
    public interface Metrics {
        String scrape() throws IOException, InterruptedException;
    }

    private final Options options;
    private final KafkaSide kafka;
    private final List<EventsEndpoint> endpoints;
    private final Metrics metrics;
    private final String metricsSource;
    private final Processes processes;
    private final Replicas replicas;
    private final long ticksPerSecond;
    private final PrintWriter log;

    private final List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<BenchReport.PhaseUsage> usage = new ArrayList<>();
    private Sampler sampler;
    private Stages stages;
    private BenchEvents events;

    public Bench(Options options, KafkaSide kafka, List<EventsEndpoint> endpoints, Metrics metrics, String metricsSource,
            Processes processes, Replicas replicas, long ticksPerSecond, PrintWriter log) {
        this.options = options;
        this.kafka = kafka;
        this.endpoints = List.copyOf(endpoints);
        this.metrics = metrics;
        this.metricsSource = metricsSource;
        this.processes = processes;
        this.replicas = replicas;
        this.ticksPerSecond = ticksPerSecond;
        this.log = log;
    }

    /** Runs every phase; an error ends the run early and is in the report's {@code error} (with what was measured before). */
    public BenchReport run(BenchReport.Parameters parameters, Path evaluationFile) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        Clock frozen = Clock.fixed(startedAt, ZoneOffset.UTC); // the baseline's pool and (b) start with the very same events
        BenchReport.Baseline baseline = null;
        BenchReport.Pipeline pipeline = null;
        BenchReport.FixedRate fixed = null;
        BenchReport.ScaleOut scaleOut = null;
        String error = null;
        AtomicBoolean scratch = new AtomicBoolean();
        Thread cleanup = new Thread(() -> deleteScratch(scratch), "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            preflight();
            stages = new Stages(kafka);
            sampler = new Sampler(stages, processes, log, t0);
            sampler.start();
            baseline = baseline(frozen, scratch);
            System.gc(); // the baseline's pool and garbage go: a smaller footprint next to the suite for the phases that follow
            events = new BenchEvents(options.seed(), options.accounts(), options.hours(), frozen);
            pipeline = pipeline();
            if (pipeline.processedSeconds() == null) {
                notes.add("the consumers had not caught up when (c) started: its latencies include that backlog");
            }
            fixed = fixedRate();
            scaleOut = scaleOut();
            if (events.extraPopulations() > 0) {
                notes.add("the first population's " + options.hours() + " h of traffic ran out; " + events.extraPopulations()
                        + " more population(s) (seed + 1, …) followed");
            }
        } catch (RuntimeException e) {
            error = describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } finally {
            if (sampler != null) {
                sampler.close();
            }
            deleteScratch(scratch);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        Double base = baseline == null ? null : baseline.eventsPerSecond();
        Double accepted = pipeline == null ? null : pipeline.acceptedPerSecond();
        Double processed = pipeline == null ? null : pipeline.processedPerSecond();
        Double p99 = fixed == null || fixed.acceptedToDecided() == null ? null : fixed.acceptedToDecided().p99();
        return new BenchReport(startedAt, Instant.now(), parameters, baseline, pipeline, fixed, scaleOut, Targets.ratios(base, accepted, processed),
                Targets.evaluate(base, accepted, processed, p99, options.fixedRate(), usage), List.copyOf(usage),
                sampler == null ? List.of() : sampler.samples(), DetectionReader.read(evaluationFile), notes(), error);
    }

    /**
     * Fails fast, before minutes of measuring, if the gateway cannot be reached or refuses the tokens
     * (an empty batch: nothing is ingested); warns if scoring's metrics cannot be read.
     */
    private void preflight() throws InterruptedException {
        for (EventsEndpoint endpoint : endpoints) {
            EventsEndpoint.Answer answer;
            try {
                answer = endpoint.post("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.net.ConnectException e) {
                throw new IllegalStateException("cannot connect to " + endpoint.describe() + " (is the suite up? ./suite up)");
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach " + endpoint.describe() + ": " + e);
            }
            switch (answer.status()) {
                case 401 -> throw new IllegalStateException("the gateway did not accept an ingest token (401); pass --token or check ./suite token");
                case 403 -> throw new IllegalStateException("an ingest token is not allowed to send events (403)");
                case 404 -> throw new IllegalStateException("no events endpoint at " + endpoint.describe() + " (404); check --gateway");
                default -> {
                    // 202, 400 or 422 for an empty batch: the endpoint is there and takes the token
                }
            }
        }
        try {
            if (PrometheusHistogram.parse(metrics.scrape(), LATENCY_METRIC).isEmpty()) {
                log.println("warning: no " + LATENCY_METRIC + " at " + metricsSource + " yet: (c) may not measure accepted → decided");
            }
        } catch (IOException | RuntimeException e) {
            log.println("warning: cannot read " + metricsSource + " (" + e + "): (c) may not measure accepted → decided");
        }
    }

    // --- (a) ---

    private BenchReport.Baseline baseline(Clock frozen, AtomicBoolean scratch) {
        log.printf(Locale.ROOT, "(a) baseline: a Kafka producer (acks=all) sends the simulator's events to %s (%d partitions) for %d s "
                + "after a %d s warm-up%n", BASELINE_TOPIC, BASELINE_PARTITIONS, options.baselineSeconds(), BASELINE_WARM_UP.toSeconds());
        EventPool pool = EventPool.of(new BenchEvents(options.seed(), options.accounts(), options.hours(), frozen), options.baselinePool());
        log.printf(Locale.ROOT, "    %,d serialised events pooled (%.0f bytes on average)%n", pool.size(), pool.averageBytes());
        scratch.set(true);
        if (!kafka.createTopic(BASELINE_TOPIC, BASELINE_PARTITIONS)) {
            notes.add(BASELINE_TOPIC + " was there already (an earlier run did not delete it); it was used and then deleted");
        }
        AtomicLong acknowledged = new AtomicLong();
        sampler.phase("baseline", "acknowledged", acknowledged::get);
        Processes.Snapshot s0 = processes.snapshot();
        KafkaSide.BaselineResult r = kafka.produce(BASELINE_TOPIC, pool, BASELINE_WARM_UP, Duration.ofSeconds(options.baselineSeconds()),
                acknowledged);
        Processes.Snapshot s1 = processes.snapshot();
        usage.add(phase("baseline", s0, s1));
        if (r.failed() > 0) {
            notes.add(String.format(Locale.ROOT, "the baseline producer had %,d failed sends; first: %s", r.failed(), r.firstError()));
        }
        log.printf(Locale.ROOT, "    %,d acknowledged in %.1f s after the warm-up: %s%n", r.acknowledged(), r.seconds(),
                Targets.rate(r.eventsPerSecond()));
        return new BenchReport.Baseline(BASELINE_TOPIC, BASELINE_PARTITIONS, kafka.producerConfig(), pool.size(), pool.averageBytes(),
                r.warmUpSeconds(), r.sent(), r.acknowledged(), r.failed(), r.seconds(), r.eventsPerSecond(), r.firstError());
    }

    private List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    private void deleteScratch(AtomicBoolean scratch) {
        if (scratch.compareAndSet(true, false)) {
            try {
                kafka.deleteTopic(BASELINE_TOPIC);
            } catch (RuntimeException e) {
                notes.add("could not delete " + BASELINE_TOPIC + ": " + e.getMessage());
            }
        }
    }

    // --- (b) ---

    private BenchReport.Pipeline pipeline() throws InterruptedException {
        Map<String, Long> lagAtStart = settle();
        log.printf(Locale.ROOT, "(b) pipeline: batches of %,d, %d in flight, through the gateway for %d s%n", options.batch(),
                options.concurrency(), options.durationSeconds());
        Map<Integer, Long> endBefore = kafka.endOffsets(EVENTS_TOPIC);
        Map<String, Map<Integer, Long>> committedAtStart = committed(Stages.ALL);
        long sendStart = System.nanoTime();
        long softDeadline = sendStart + Duration.ofSeconds(options.durationSeconds()).toNanos();
        long hardDeadline = softDeadline + HARD_GRACE.toNanos();
        Sending sending = sendThroughGateway("pipeline", "(b)", asFastAsTaken(), hardDeadline, BenchEvents.until(events, softDeadline,
                System::nanoTime));
        SendReport sent = sending.report();
        MeasuredEndpoint endpoint = sending.endpoint();
        long sendEnd = sending.end();
        Map<Integer, Long> endAtStop = sending.endAtStop();
        Processes.Snapshot p1 = sending.after();
        usage.add(phase("pipeline", sending.before(), p1));
        rateLimited(endpoint, "(b)");
        long accepted = sent.accepted();
        Double acceptedPerSecond = sent.seconds() > 0 ? accepted / sent.seconds() : null;
        log.printf(Locale.ROOT, "    sent: %s%n", sent.summary());
        log.printf(Locale.ROOT, "    waiting up to %d s for %s to process everything up to the end offsets of %s%n",
                options.catchUpTimeoutSeconds(), String.join(" and ", GROUPS), EVENTS_TOPIC);

        sampler.phase("catch-up", "accepted", () -> accepted);
        Map<String, Map<Integer, Long>> targets = new LinkedHashMap<>();
        Map<String, Double> caughtUp = waitForStages(Stages.ALL, endAtStop, targets, sendStart,
                sendEnd + Duration.ofSeconds(options.catchUpTimeoutSeconds()).toNanos());
        Processes.Snapshot p2 = processes.snapshot();
        usage.add(phase("catch-up", p1, p2));
        Double processedSeconds = caughtUp.size() == GROUPS.size() ? caughtUp.values().stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow() : null;
        Map<String, BenchReport.GroupRate> groupRates = groupRates(Stages.ALL, committedAtStart, targets, caughtUp, sendStart);
        Double processedPerSecond = groupRates.values().stream().map(BenchReport.GroupRate::perSecond)
                .reduce((a, b) -> a == null || b == null ? null : Math.min(a, b)).orElse(null);
        Map<String, Long> lagAtEnd = readLag();
        if (processedSeconds == null) {
            notes.add(String.format(Locale.ROOT, "(b) not every group caught up within %d s (lag then: %s): processed/s is what each group "
                    + "committed past over the whole wait", options.catchUpTimeoutSeconds(), lagAtEnd));
        }
        long appended = ConsumerLag.appended(endBefore, endAtStop);
        if (appended != accepted) {
            notes.add(String.format(Locale.ROOT, "(b) %,d records were appended to %s while %,d events were accepted (other producers, "
                    + "or a publish still under way)", appended, EVENTS_TOPIC, accepted));
        }
        List<String> caught = new ArrayList<>();
        caughtUp.forEach((g, sec) -> caught.add(String.format(Locale.ROOT, "%s after %.1f s", g, sec)));
        List<String> rates = new ArrayList<>();
        groupRates.forEach((g, r) -> rates.add(String.format(Locale.ROOT, "%s %s", g, Targets.rate(r.perSecond()))));
        log.printf(Locale.ROOT, "    caught up: %s; processed %s (%s)%n", caught.isEmpty() ? "not within the timeout" : String.join(", ", caught),
                Targets.rate(processedPerSecond), String.join(", ", rates));
        return new BenchReport.Pipeline(sent.seconds(), sent.events(), accepted, sent.duplicates(), sent.rejected(), sent.requests(),
                sent.retries(), sent.transportErrors(), endpoint.answers(), acceptedPerSecond, appended, lagAtStart, caughtUp,
                processedSeconds, processedPerSecond, groupRates, lagAtEnd, endpoint.latency("send → 202 per batch of " + options.batch()));
    }

    private Map<String, Map<Integer, Long>> committed(List<Stages.Stage> list) {
        Map<String, Map<Integer, Long>> offsets = new LinkedHashMap<>();
        for (Stages.Stage s : list) {
            offsets.put(s.name(), stages.committed(s));
        }
        return offsets;
    }

    /**
     * Each stage's rate from the first send: a stage that caught up processed everything up to its
     * target in the time it took; one that did not is measured by what its last group committed past
     * meanwhile.
     */
    private Map<String, BenchReport.GroupRate> groupRates(List<Stages.Stage> list, Map<String, Map<Integer, Long>> atStart,
            Map<String, Map<Integer, Long>> targets, Map<String, Double> caughtUp, long sendStart) {
        Map<String, BenchReport.GroupRate> rates = new LinkedHashMap<>();
        for (Stages.Stage s : list) {
            Double done = caughtUp.get(s.name());
            Map<Integer, Long> reached = done != null ? targets.get(s.name()) : stages.committed(s);
            double seconds = done != null ? done : (System.nanoTime() - sendStart) / 1e9;
            long records = stages.progressed(s, atStart.get(s.name()), reached);
            rates.put(s.name(), new BenchReport.GroupRate(records, seconds, seconds > 0 ? records / seconds : null, done != null));
        }
        return rates;
    }

    /** Waits (bounded) for no lag before (b), so that it starts from an idle pipeline. */
    private Map<String, Long> settle() throws InterruptedException {
        long limit = System.nanoTime() + Duration.ofSeconds(options.settleSeconds()).toNanos();
        sampler.phase("settle", "events", () -> 0);
        Map<String, Long> lag = readLag();
        boolean told = false;
        while (lag != null && lag.values().stream().anyMatch(l -> l > 0) && System.nanoTime() < limit) {
            if (!told) {
                log.printf(Locale.ROOT, "    waiting up to %d s for the consumers' lag (%s) to clear%n", options.settleSeconds(), lag);
                told = true;
            }
            Thread.sleep(500);
            lag = readLag();
        }
        if (lag != null && lag.values().stream().anyMatch(l -> l > 0)) {
            notes.add("(b) started with consumer lag " + lag + " (earlier traffic not yet processed)");
        }
        return lag;
    }

    // --- (c) ---

    private BenchReport.FixedRate fixedRate() throws InterruptedException {
        long n = Math.round(options.fixedRate() * options.fixedSeconds());
        log.printf(Locale.ROOT, "(c) fixed rate: %,.0f events/s for %d s (%,d events, batches of %,d)%n", options.fixedRate(),
                options.fixedSeconds(), n, options.fixedBatch());
        Optional<PrometheusHistogram> before = scrape("before (c)");
        long sendStart = System.nanoTime();
        long softDeadline = sendStart + Duration.ofSeconds(options.fixedSeconds()).plus(FIXED_SLACK).toNanos();
        long hardDeadline = softDeadline + HARD_GRACE.toNanos();
        Sending sending = sendThroughGateway("fixed-rate", "(c)", new SenderOptions(options.fixedBatch(), options.fixedRate(),
                options.fixedConcurrency(), 30, Duration.ofSeconds(5)), hardDeadline,
                BenchEvents.until(BenchEvents.limit(events, n), softDeadline, System::nanoTime));
        SendReport sent = sending.report();
        MeasuredEndpoint endpoint = sending.endpoint();
        long sendEnd = sending.end();
        Map<Integer, Long> endAtStop = sending.endAtStop();
        usage.add(phase("fixed-rate", sending.before(), sending.after()));
        rateLimited(endpoint, "(c)");
        if (sent.events() < n) {
            notes.add(String.format(Locale.ROOT, "(c) sent %,d of %,d events before its deadline: the gateway did not keep up with %,.0f/s",
                    sent.events(), n, options.fixedRate()));
        }
        log.printf(Locale.ROOT, "    sent: %s%n", sent.summary());
        long accepted = sent.accepted();
        sampler.phase("drain", "accepted", () -> accepted);
        Map<String, Double> drained = waitForStages(List.of(Stages.SCORING), endAtStop, new LinkedHashMap<>(), sendStart,
                sendEnd + Duration.ofSeconds(options.drainTimeoutSeconds()).toNanos());
        boolean done = drained.containsKey(Stages.SCORING.name());
        if (!done) {
            notes.add("(c) scoring had not decided everything sent within " + options.drainTimeoutSeconds()
                    + " s: the latency misses the slowest events");
        }
        Optional<PrometheusHistogram> after = scrape("after (c)");
        BenchReport.ServerLatency server = null;
        if (before.isPresent() && after.isPresent()) {
            server = Latencies.server(LATENCY_METRIC, metricsSource, before.get(), after.get());
            if (server.count() != accepted && server.count() > 0) {
                notes.add(String.format(Locale.ROOT, "(c) scoring's histogram counted %,d decisions while %,d events were accepted "
                        + "(other traffic, or events still undecided)", server.count(), accepted));
            }
        }
        Double achieved = sent.seconds() > 0 ? accepted / sent.seconds() : null;
        return new BenchReport.FixedRate(options.fixedRate(), sent.seconds(), sent.events(), accepted, sent.rejected(), achieved,
                endpoint.answers(), done, server, endpoint.latency("send → 202 per batch of " + options.fixedBatch()));
    }

    // --- (d) ---

    private BenchReport.ScaleOut scaleOut() throws InterruptedException {
        long n = options.scaleOutEvents();
        if (replicas == null || n <= 0) {
            return null;
        }
        log.printf(Locale.ROOT, "(d) scale-out: scoring's rate on %,d events through the gateway with one instance, then two%n", n);
        BenchReport.GroupRate one = scoringRate("scale-out-1", n);
        try {
            replicas.start();
        } catch (RuntimeException e) {
            notes.add("(d) the second scoring instance did not start: " + describe(e));
            return new BenchReport.ScaleOut(n, one, null, null, describe(e));
        }
        try {
            BenchReport.GroupRate two = scoringRate("scale-out-2", n);
            Double ratio = one.perSecond() == null || two.perSecond() == null ? null : two.perSecond() / one.perSecond();
            log.printf(Locale.ROOT, "    scoring: one instance %s, two %s (%s)%n", Targets.rate(one.perSecond()), Targets.rate(two.perSecond()),
                    ratio == null ? "n/a" : String.format(Locale.ROOT, "%.2f ×", ratio));
            return new BenchReport.ScaleOut(n, one, two, ratio, null);
        } finally {
            try {
                replicas.stop();
            } catch (RuntimeException e) {
                notes.add("(d) could not stop the second scoring instance: " + describe(e));
            }
        }
    }

    /** Sends {@code n} events as fast as the gateway takes them and measures scoring's rate from the first send until it caught up. */
    private BenchReport.GroupRate scoringRate(String phase, long n) throws InterruptedException {
        settle();
        Map<String, Map<Integer, Long>> atStart = committed(List.of(Stages.SCORING));
        long sendStart = System.nanoTime();
        long hardDeadline = sendStart + Duration.ofSeconds(options.catchUpTimeoutSeconds()).toNanos();
        Sending sending = sendThroughGateway(phase, "(d)", asFastAsTaken(), hardDeadline,
                BenchEvents.until(BenchEvents.limit(events, n), hardDeadline, System::nanoTime));
        Map<String, Map<Integer, Long>> targets = new LinkedHashMap<>();
        Map<String, Double> caughtUp = waitForStages(List.of(Stages.SCORING), sending.endAtStop(), targets, sendStart,
                sending.end() + Duration.ofSeconds(options.catchUpTimeoutSeconds()).toNanos());
        usage.add(phase(phase, sending.before(), processes.snapshot()));
        BenchReport.GroupRate rate = groupRates(List.of(Stages.SCORING), atStart, targets, caughtUp, sendStart).get(Stages.SCORING.name());
        log.printf(Locale.ROOT, "    %s: %,d accepted; scoring %s (%,d records in %.1f s%s)%n", phase, sending.report().accepted(),
                Targets.rate(rate.perSecond()),
                rate.records(), rate.seconds(), rate.caughtUp() ? "" : ", not caught up");
        return rate;
    }

    private Optional<PrometheusHistogram> scrape(String when) throws InterruptedException {
        try {
            Optional<PrometheusHistogram> h = PrometheusHistogram.parse(metrics.scrape(), LATENCY_METRIC);
            if (h.isEmpty()) {
                notes.add("no " + LATENCY_METRIC + " histogram at " + metricsSource + " " + when + ": accepted → decided not measured");
            }
            return h;
        } catch (IOException | RuntimeException e) {
            notes.add("could not read " + metricsSource + " " + when + " (" + e + "): accepted → decided not measured");
            return Optional.empty();
        }
    }

    // --- shared ---

    /**
     * Polls the stages' committed offsets until each has processed everything up to {@code eventsEnd}
     * (for a stage of several groups, each group in turn up to what the one before wrote), or until
     * {@code limitNanos}. Answers, per stage that made it, the seconds from {@code fromNanos}, and puts
     * its last group's target in {@code targets}.
     */
    private Map<String, Double> waitForStages(List<Stages.Stage> list, Map<Integer, Long> eventsEnd, Map<String, Map<Integer, Long>> targets,
            long fromNanos, long limitNanos) throws InterruptedException {
        Map<String, Double> reached = new LinkedHashMap<>();
        Map<String, Stages.Progress> progress = new LinkedHashMap<>();
        list.forEach(s -> progress.put(s.name(), stages.follow(s, eventsEnd)));
        while (true) {
            for (Map.Entry<String, Stages.Progress> p : progress.entrySet()) {
                if (!reached.containsKey(p.getKey())) {
                    try {
                        if (p.getValue().caughtUp()) {
                            reached.put(p.getKey(), (System.nanoTime() - fromNanos) / 1e9);
                            targets.put(p.getKey(), p.getValue().lastTarget());
                        }
                    } catch (RuntimeException e) {
                        // a slow answer: ask again
                    }
                }
            }
            if (reached.size() == list.size() || System.nanoTime() - limitNanos >= 0) {
                return reached;
            }
            Thread.sleep(200);
        }
    }

    private Map<String, Long> readLag() {
        try {
            return sampler.lag();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What one phase sent through the gateway, its endpoint's answers, when it stopped, and the processes around it. */
    private record Sending(SendReport report, MeasuredEndpoint endpoint, long end, Map<Integer, Long> endAtStop, Processes.Snapshot before,
            Processes.Snapshot after) {
    }

    /** (b) and (d) send batches as fast as the gateway takes them. */
    private SenderOptions asFastAsTaken() {
        return new SenderOptions(options.batch(), 0, options.concurrency(), 30, Duration.ofSeconds(5));
    }

    /**
     * Sends the stream through the gateway, counted in the timeline as {@code phase}, with every request
     * and retry wait cut off at {@code hardDeadline}; reads the topic's end offsets as soon as it stops.
     */
    private Sending sendThroughGateway(String phase, String label, SenderOptions senderOptions, long hardDeadline,
            Iterator<dev.integrity.contract.AccountEvent> stream) {
        MeasuredEndpoint endpoint = new MeasuredEndpoint(endpoints, hardDeadline, System::nanoTime);
        Sender sender = new Sender(endpoint, senderOptions, cappedAt(hardDeadline));
        Counting progress = new Counting();
        sampler.phase(phase, "accepted", progress::accepted);
        Processes.Snapshot before = processes.snapshot();
        SendReport sent = send(sender, stream, progress, endpoint, label);
        long end = System.nanoTime();
        Map<Integer, Long> endAtStop = kafka.endOffsets(EVENTS_TOPIC);
        return new Sending(sent, endpoint, end, endAtStop, before, processes.snapshot());
    }

    private SendReport send(Sender sender, Iterator<dev.integrity.contract.AccountEvent> stream, Counting progress, MeasuredEndpoint endpoint,
            String phase) {
        try {
            return sender.send(stream, progress);
        } catch (SendFailedException e) {
            if (endpoint.pastDeadline()) {
                notes.add(phase + " ran past its hard deadline (the gateway kept asking to retry); it was cut off there");
                return e.partial();
            }
            throw e;
        }
    }

    private void rateLimited(MeasuredEndpoint endpoint, String phase) {
        long limited = endpoint.answered(429);
        if (limited > 0) {
            notes.add(String.format(Locale.ROOT, "%s the gateway's rate limit answered 429 %,d times: it held the rate back (use more --tokens "
                    + "or larger batches)", phase, limited));
        }
    }

    private BenchReport.PhaseUsage phase(String name, Processes.Snapshot start, Processes.Snapshot end) {
        return new BenchReport.PhaseUsage(name, (end.nanos() - start.nanos()) / 1e9,
                Processes.between(start, end, sampler.snapshots(), ticksPerSecond));
    }

    /** Retry waits never last past the hard deadline. */
    private static Sleeper cappedAt(long hardDeadlineNanos) {
        return d -> {
            long left = hardDeadlineNanos - System.nanoTime();
            Sleeper.REAL.sleep(left <= 0 ? Duration.ZERO : d.toNanos() > left ? Duration.ofNanos(left) : d);
        };
    }

    private static String describe(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Keeps the sender's running counts for the sampler. */
    private static final class Counting implements Progress {
        private volatile SendStats stats;

        @Override
        public void advance(long n, SendStats s) {
            stats = s;
        }

        long accepted() {
            SendStats s = stats;
            return s == null ? 0 : s.accepted();
        }

        @Override
        public void close() {
        }
    }
}
