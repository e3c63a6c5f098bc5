package dev.integrity.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import dev.integrity.gateway.config.GatewayConfig;
import io.vertx.mutiny.core.Vertx;

/** One client per downstream service, each with its own breaker. */
public class DownstreamClients {

    @Produces
    @ApplicationScoped
    @Named("ingest")
    DownstreamClient ingest(Vertx vertx, GatewayConfig config) {
        return new DownstreamClient("ingest-service", vertx, config.ingest());
    }

    @Produces
    @ApplicationScoped
    @Named("scoring")
    DownstreamClient scoring(Vertx vertx, GatewayConfig config) {
        return new DownstreamClient("scoring-service", vertx, config.scoring());
    }

    @Produces
    @ApplicationScoped
    @Named("notify")
    DownstreamClient notify(Vertx vertx, GatewayConfig config) {
        return new DownstreamClient("notify-service", vertx, config.notifyService());
    }
}
