package dev.integrity.notify.messaging;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** Retrying for work a consumer must not give up on (e.g. sending a dead letter while Kafka is unavailable). */
final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);

    private Retries() {
    }

    static Uni<Void> untilDone(Uni<Void> work) {
        return work
                .onFailure().invoke(e -> LOG.warnf("dead letter not sent, retrying: %s", e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(15)).indefinitely();
    }
}
