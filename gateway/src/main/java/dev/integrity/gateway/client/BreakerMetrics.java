package dev.integrity.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code gateway_downstream_breaker_state{downstream}}: each downstream breaker's state (0 closed,
 * 1 open, 2 half-open), registered at start so that an alert sees the series before the first trip.
 */
@ApplicationScoped
public class BreakerMetrics {

    static final String NAME = "gateway.downstream.breaker.state";

    void register(@Observes StartupEvent start, MeterRegistry registry, @Named("ingest") DownstreamClient ingest,
            @Named("scoring") DownstreamClient scoring, @Named("notify") DownstreamClient notify) {
        gauge(registry, "ingest", ingest);
        gauge(registry, "scoring", scoring);
        gauge(registry, "notify", notify);
    }

    private static void gauge(MeterRegistry registry, String downstream, DownstreamClient client) {
        Gauge.builder(NAME, client, c -> c.breakerState().gauge())
                .description("State of the circuit breaker to a downstream service: 0 closed, 1 open, 2 half-open")
                .tag("downstream", downstream)
                .strongReference(true)
                .register(registry);
    }
}
