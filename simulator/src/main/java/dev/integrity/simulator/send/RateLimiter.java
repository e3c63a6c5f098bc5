package dev.integrity.simulator.send;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Paces events to a rate: each batch waits until the events before it have had their time. Thread-safe. */
final class RateLimiter {

    private final double perSecond;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private long nextFreeNanos = Long.MIN_VALUE;

    RateLimiter(double perSecond, Sleeper sleeper) {
        this(perSecond, sleeper, System::nanoTime);
    }

    RateLimiter(double perSecond, Sleeper sleeper, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    void acquire(int events) throws InterruptedException {
        if (perSecond <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long start = nextFreeNanos == Long.MIN_VALUE ? now : Math.max(now, nextFreeNanos);
            nextFreeNanos = start + (long) (events * 1e9 / perSecond);
            wait = start - now;
        }
        sleeper.sleep(Duration.ofNanos(wait));
    }
}
