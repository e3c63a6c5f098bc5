package dev.integrity.gateway.client;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import dev.integrity.gateway.config.GatewayConfig;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.Vertx;

/** One client per downstream service, each with its own breaker, each forwarding the caller's token. */
public class DownstreamClients {

    @Produces
    @ApplicationScoped
    @Named("ingest")
    DownstreamClient ingest(Vertx vertx, GatewayConfig config, CurrentVertxRequest request) {
        return new DownstreamClient("ingest-service", vertx, config.ingest(), authorization(request));
    }

    @Produces
    @ApplicationScoped
    @Named("scoring")
    DownstreamClient scoring(Vertx vertx, GatewayConfig config, CurrentVertxRequest request) {
        return new DownstreamClient("scoring-service", vertx, config.scoring(), authorization(request));
    }

    @Produces
    @ApplicationScoped
    @Named("notify")
    DownstreamClient notify(Vertx vertx, GatewayConfig config, CurrentVertxRequest request) {
        return new DownstreamClient("notify-service", vertx, config.notifyService(), authorization(request));
    }

    /** The Authorization header of the request being served, if any (a health check runs outside one). */
    private static Supplier<String> authorization(CurrentVertxRequest request) {
        return () -> {
            if (!Arc.container().requestContext().isActive()) {
                return null;
            }
            RoutingContext current = request.getCurrent();
            return current == null ? null : current.request().getHeader("Authorization");
        };
    }
}
