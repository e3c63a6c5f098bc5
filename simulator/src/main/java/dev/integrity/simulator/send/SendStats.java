package dev.integrity.simulator.send;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Running counts of a send, shared by its workers. */
public final class SendStats {

    static final int KEPT_REJECTIONS = 1_000;

    final AtomicLong events = new AtomicLong();
    final AtomicLong done = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong transportErrors = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    private final Histogram latency = new ConcurrentHistogram(3_600_000L, 3);
    private final List<Rejection> rejections = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    void latency(long millis) {
        latency.recordValue(Math.max(1, Math.min(3_600_000L, millis)));
    }

    synchronized void reject(Rejection rejection) {
        rejected.incrementAndGet();
        if (rejections.size() < KEPT_REJECTIONS) {
            rejections.add(rejection);
        }
    }

    /** Events whose batch got an answer (accepted, duplicate or rejected). */
    public long done() {
        return done.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long retries() {
        return retries.get();
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public double eventsPerSecond() {
        double s = seconds();
        return s > 0 ? done.get() / s : 0;
    }

    synchronized SendReport report() {
        double s = seconds();
        long[] l = latency.getTotalCount() == 0 ? new long[4]
                : new long[] {latency.getValueAtPercentile(50), latency.getValueAtPercentile(95), latency.getValueAtPercentile(99),
                        latency.getMaxValue()};
        return new SendReport(events.get(), accepted.get(), duplicates.get(), rejected.get(), retries.get(), transportErrors.get(),
                requests.get(), s, s > 0 ? events.get() / s : 0, l, rejections);
    }
}
