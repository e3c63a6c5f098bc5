package dev.integrity.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Requests allowed per token and route in a sliding one-minute window (prefix {@code gateway.rate-limit}). */
@ConfigMapping(prefix = "gateway.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** POST /api/v1/events: each request may carry 10,000 events. */
    @WithDefault("600")
    int eventsPerMinute();

    /** Every other route. */
    @WithDefault("1200")
    int defaultPerMinute();
}
