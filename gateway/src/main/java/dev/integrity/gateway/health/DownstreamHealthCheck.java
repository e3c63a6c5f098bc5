package dev.integrity.gateway.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import dev.integrity.gateway.client.DownstreamClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;

/**
 * Whether each downstream service reports ready, at /q/health/group/downstream. Not part of the
 * gateway's own readiness: one service down should give 503 on its routes, not take the API away.
 */
@HealthGroup("downstream")
@ApplicationScoped
public class DownstreamHealthCheck implements AsyncHealthCheck {

    private final DownstreamClient ingest;
    private final DownstreamClient scoring;
    private final DownstreamClient notify;

    public DownstreamHealthCheck(@Named("ingest") DownstreamClient ingest, @Named("scoring") DownstreamClient scoring,
            @Named("notify") DownstreamClient notify) {
        this.ingest = ingest;
        this.scoring = scoring;
        this.notify = notify;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.combine().all().unis(ready(ingest), ready(scoring), ready(notify)).with((i, s, n) -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream services")
                    .withData("ingest", i).withData("scoring", s).withData("notify", n);
            return builder.status(i && s && n).build();
        });
    }

    private static Uni<Boolean> ready(DownstreamClient client) {
        return client.get("/q/health/ready").map(r -> r.status() == 200)
                .ifNoItem().after(Duration.ofSeconds(3)).recoverWithItem(false)
                .onFailure().recoverWithItem(false);
    }
}
