package dev.integrity.simulator.send;

import java.time.Duration;

/**
 * How the sender sends.
 *
 * @param batchSize     events per request (1..10,000, the API's limit)
 * @param ratePerSecond events per second; 0 means as fast as the gateway takes them
 * @param concurrency   requests in flight at once
 * @param maxAttempts   attempts per batch before giving up (429/503, transport errors, other 5xx)
 * @param maxBackoff    the longest wait between attempts when the gateway does not say (Retry-After)
 */
public record SenderOptions(int batchSize, double ratePerSecond, int concurrency, int maxAttempts, Duration maxBackoff) {

    public static final int MAX_BATCH = 10_000;

    public SenderOptions {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("--batch must be between 1 and " + MAX_BATCH + ", not " + batchSize);
        }
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
            throw new IllegalArgumentException("--rate must be 0 (as fast as possible) or more, not " + ratePerSecond);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 64, not " + concurrency);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static SenderOptions defaults() {
        return new SenderOptions(2_000, 0, 4, 30, Duration.ofSeconds(30));
    }

    public SenderOptions withBatchSize(int size) {
        return new SenderOptions(size, ratePerSecond, concurrency, maxAttempts, maxBackoff);
    }

    public SenderOptions withRate(double rate) {
        return new SenderOptions(batchSize, rate, concurrency, maxAttempts, maxBackoff);
    }

    public SenderOptions withConcurrency(int n) {
        return new SenderOptions(batchSize, ratePerSecond, n, maxAttempts, maxBackoff);
    }
}
