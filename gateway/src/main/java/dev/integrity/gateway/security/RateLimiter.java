package dev.integrity.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.integrity.gateway.config.GatewayMetrics;
import dev.integrity.gateway.config.RateLimitConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * A sliding-window rate limit per token and route, shared by every gateway replica through Redis:
 * the estimate is this minute's count plus last minute's count weighted by how much of it still
 * overlaps the window. If Redis is unreachable the request goes through (and it is logged):
 * losing the limit for a moment is better than losing the API.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final long WINDOW_MS = 60_000;

    /**
     * The verdict: allowed, or how many seconds to wait; with the route's limit, the requests left in
     * the window (0 once over it) and the seconds until the window moves on, for the RateLimit headers.
     * {@code counted} is false when no count was read (limits off, or Redis unreachable).
     */
    public record Verdict(boolean allowed, long retryAfterSeconds, boolean counted, int limit, long remaining, long resetSeconds) {

        static Verdict uncounted() {
            return new Verdict(true, 0, false, 0, 0, 0);
        }
    }

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig config;
    private final GatewayMetrics metrics;
    private final Clock clock;

    public RateLimiter(ReactiveRedisDataSource redis, RateLimitConfig config, GatewayMetrics metrics, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Uni<Verdict> check(String credential, String route) {
        if (!config.enabled()) {
            return Uni.createFrom().item(Verdict.uncounted());
        }
        int limit = route.equals("POST /api/v1/events") ? config.eventsPerMinute() : config.defaultPerMinute();
        long now = clock.millis();
        long window = now / WINDOW_MS;
        String token = hash(credential);
        return count(RedisKeys.rateWindow(token, route, window), RedisKeys.rateWindow(token, route, window - 1))
                .map(counts -> {
                    double overlap = 1.0 - (double) (now % WINDOW_MS) / WINDOW_MS;
                    double estimate = counts.current() + counts.previous() * overlap;
                    long reset = Math.max(1, (WINDOW_MS - now % WINDOW_MS + 999) / 1000);
                    long remaining = Math.max(0, (long) Math.floor(limit - estimate));
                    if (estimate <= limit) {
                        return new Verdict(true, 0, true, limit, remaining, reset);
                    }
                    metrics.rateLimited(route);
                    return new Verdict(false, reset, true, limit, 0, reset);
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("rate limit not checked, Redis unavailable: %s", e.getMessage());
                    return Verdict.uncounted();
                });
    }

    /** This minute's count, the request included, and last minute's. */
    private record Counts(long current, long previous) {
    }

    /**
     * Counts the request in this minute's key (which lives two windows) and reads last minute's: the
     * three commands go on one connection without waiting for each other, in this order, one round trip.
     */
    private Uni<Counts> count(String current, String previous) {
        AtomicReference<Counts> counts = new AtomicReference<>();
        return redis.withConnection(connection -> {
            ReactiveValueCommands<String, Long> values = connection.value(Long.class);
            return Uni.combine().all().unis(values.incr(current), connection.key().pexpire(current, 2 * WINDOW_MS), values.get(previous))
                    .with((count, expiring, before) -> {
                        counts.set(new Counts(count, before == null ? 0 : before));
                        return null;
                    }).replaceWithVoid();
        }).map(done -> counts.get());
    }

    private static String hash(String credential) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
