package dev.integrity.notify.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.integrity.notify.messaging.LiveFanOut;

/** Ready only while this replica receives the live channel, so that its open streams get new messages. */
@Readiness
@ApplicationScoped
public class LiveChannelHealthCheck implements HealthCheck {

    @Inject
    LiveFanOut live;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live channel (Redis pub/sub)").status(live.isSubscribed()).build();
    }
}
