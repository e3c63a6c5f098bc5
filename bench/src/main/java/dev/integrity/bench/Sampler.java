package dev.integrity.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Once a second, for the whole run: the current phase's running count and its rate over the last
 * second, the consumer lag of each stage (its groups' lag on their topics, summed), and every process's memory. Each
 * sample is kept (the report's timeline) and shown as one line.
 */
final class Sampler implements AutoCloseable {

    private final Stages stages;
    private final Processes processes;
    private final PrintWriter log;
    private final long t0;
    private final List<BenchReport.Sample> samples = new ArrayList<>();
    private final List<Processes.Snapshot> snapshots = new ArrayList<>();
    private ScheduledExecutorService timer;

    private String phase = "setup";
    private String noun = "events";
    private LongSupplier counter = () -> 0;
    private long phaseStart;
    private String lastPhase;
    private long lastCount;
    private long lastNanos;
    private String lagProblem;

    Sampler(Stages stages, Processes processes, PrintWriter log, long t0) {
        this.stages = stages;
        this.processes = processes;
        this.log = log;
        this.t0 = t0;
        this.phaseStart = t0;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sampleQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** From now on the samples belong to this phase and count with this counter. */
    synchronized void phase(String name, String noun, LongSupplier counter) {
        this.phase = name;
        this.noun = noun;
        this.counter = counter;
        this.phaseStart = System.nanoTime();
    }

    /** The lag of each stage now, summed over its groups' topics. */
    Map<String, Long> lag() {
        return stages.lag(Stages.ALL);
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            synchronized (this) {
                log.println("  (sampling failed: " + e.getMessage() + ")");
            }
        }
    }

    private void sample() {
        String name;
        String what;
        LongSupplier c;
        long started;
        synchronized (this) {
            name = phase;
            what = noun;
            c = counter;
            started = phaseStart;
        }
        long now = System.nanoTime();
        long count = c.getAsLong();
        Double perSecond;
        if (name.equals(lastPhase) && now > lastNanos) {
            perSecond = (count - lastCount) / ((now - lastNanos) / 1e9);
        } else {
            perSecond = now > started ? count / ((now - started) / 1e9) : null;
        }
        Map<String, Long> lag = null;
        try {
            lag = lag();
            lagProblem = null;
        } catch (RuntimeException e) {
            if (lagProblem == null) {
                lagProblem = e.getMessage();
                synchronized (this) {
                    log.println("  (consumer lag not readable: " + e.getMessage() + ")");
                }
            }
        }
        Processes.Snapshot snap = processes.snapshot();
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String component : snap.byComponent().keySet()) {
            Long r = snap.rssKb(component);
            if (r != null) {
                rss.put(component, r);
            }
        }
        double t = (now - t0) / 1e9;
        BenchReport.Sample sample = new BenchReport.Sample(Math.round(t * 10) / 10.0, name, count, perSecond, lag, rss);
        synchronized (this) {
            samples.add(sample);
            snapshots.add(snap);
            lastPhase = name;
            lastCount = count;
            lastNanos = now;
            log.println(line(sample, what, (now - started) / 1e9));
            log.flush();
        }
    }

    static String line(BenchReport.Sample s, String noun, double phaseSeconds) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  [%-10s %4.0f s] %,12d %s, %,9.0f/s", s.phase(), phaseSeconds,
                s.count(), noun, s.perSecond() == null ? 0.0 : s.perSecond()));
        if (s.lag() != null) {
            b.append(" | lag");
            s.lag().forEach((g, l) -> b.append(String.format(Locale.ROOT, " %s %,d", g, l)));
        }
        return b.toString();
    }

    synchronized List<BenchReport.Sample> samples() {
        return List.copyOf(samples);
    }

    synchronized List<Processes.Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
