package dev.integrity.gateway.metrics;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.integrity.observability.MetricsAtStart;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A freshly started gateway lists every counter at 0, {@code gateway_rate_limited_total} once for every
 * public API route, so an alert sees the first refused request. A profile of its own makes Quarkus
 * start the gateway anew for this test, whatever ran before.
 */
@QuarkusTest
@TestProfile(MetricsAtStart.FreshStart.class)
class MetricsAtStartIT {

    @Test
    void everyCounterIsListedAtZeroAndTheRateLimitOncePerRoute() {
        MetricsAtStart.read("gateway_").labelled("gateway_rate_limited_total", "route", List.of("POST /api/v1/events", "GET /api/v1/guard",
                "POST /api/v1/guard/resume", "GET /api/v1/accounts/{id}", "GET /api/v1/enforcements", "POST /api/v1/enforcements/{id}/approve",
                "POST /api/v1/cases/{id}/decide", "POST /api/v1/accounts/{id}/appeals", "GET /api/v1/actions",
                "GET /api/v1/accounts/{id}/notifications"));
    }
}
