package dev.integrity.gateway.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * A small consecutive-failure breaker for one downstream service: after N failures in a row it
 * fails fast for a while, then lets calls through again; one success closes it. (The Quarkus
 * fault-tolerance extension is not served on this platform.)
 */
public final class CircuitBreaker {

    private final String name;
    private final int failureThreshold;
    private final long openNanos;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong();

    public CircuitBreaker(String name, int failureThreshold, Duration openFor) {
        this.name = name;
        this.failureThreshold = failureThreshold;
        this.openNanos = openFor.toNanos();
    }

    public <T> Uni<T> call(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            if (isOpen()) {
                return Uni.createFrom().failure(new DownstreamUnavailableException(name + " is failing; calls are paused briefly"));
            }
            return call.get()
                    .onItem().invoke(ignored -> consecutiveFailures.set(0))
                    .onFailure().invoke(this::recordFailure);
        });
    }

    public boolean isOpen() {
        long opened = openedAt.get();
        return opened != 0 && System.nanoTime() - opened < openNanos;
    }

    private void recordFailure(Throwable failure) {
        if (consecutiveFailures.incrementAndGet() >= failureThreshold) {
            openedAt.set(System.nanoTime());
            consecutiveFailures.set(0);
        }
    }
}
