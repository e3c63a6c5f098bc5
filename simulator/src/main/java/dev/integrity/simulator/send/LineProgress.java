package dev.integrity.simulator.send;

import java.io.PrintStream;
import java.util.Locale;

/** Plain progress lines every few seconds, for logs and pipes. */
final class LineProgress implements Progress {

    private final String task;
    private final long total;
    private final PrintStream out;
    private final long everyNanos;
    private long done;
    private long lastPrint = System.nanoTime();
    private SendStats last;

    LineProgress(String task, long total, PrintStream out, long everyMillis) {
        this.task = task;
        this.total = total;
        this.out = out;
        this.everyNanos = everyMillis * 1_000_000L;
    }

    @Override
    public synchronized void advance(long events, SendStats stats) {
        done += events;
        last = stats;
        long now = System.nanoTime();
        if (now - lastPrint >= everyNanos) {
            lastPrint = now;
            print();
        }
    }

    @Override
    public synchronized void close() {
        if (last != null) {
            print();
        }
    }

    private void print() {
        String share = total > 0 ? String.format(Locale.ROOT, "/%,d (%.0f%%)", total, 100.0 * done / total) : "";
        out.printf(Locale.ROOT, "%s: %,d%s events, %,.0f events/s, %,d accepted, %,d duplicates, %,d rejected, %,d retries%n", task,
                done, share, last.eventsPerSecond(), last.accepted(), last.duplicates(), last.rejected(), last.retries());
        out.flush();
    }
}
