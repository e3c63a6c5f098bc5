package dev.integrity.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Typed settings of the gateway (prefix {@code gateway}). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Downstream ingest();

    Downstream scoring();

    @WithName("notify")
    Downstream notifyService();

    /** Where one downstream service is and how long to wait for it. */
    interface Downstream {
        String url();

        @WithDefault("PT30S")
        Duration timeout();

        /** Consecutive failures after which the breaker opens. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open breaker fails fast before it lets one call through again. */
        @WithDefault("PT10S")
        Duration breakerDelay();
    }
}
