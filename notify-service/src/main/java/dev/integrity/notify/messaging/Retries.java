package dev.integrity.notify.messaging;

import java.time.Duration;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Retrying for consumers, which must not skip a record: work is retried with back-off for as long
 * as it fails in a way retrying can cure, and dead letters are sent however long Kafka takes.
 */
final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(500);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(15);

    private Retries() {
    }

    /** For work a consumer must not give up on (e.g. sending a dead letter while Kafka is unavailable). */
    static Uni<Void> untilDone(Uni<Void> work) {
        return work
                .onFailure().invoke(e -> LOG.warnf("dead letter not sent, retrying: %s", e.toString()))
                .onFailure().retry().withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).indefinitely();
    }

    /**
     * Retries the work (resubscribing to it, so it must be deferred) while it fails in a way
     * retrying can cure, such as an outage; the partition waits, nothing is skipped. A permanent
     * failure ({@link PermanentFailures}) is passed on, for the caller to dead-letter the record.
     *
     * @param onRetry told each failure that will be retried (to log it)
     */
    static <T> Uni<T> whileTransient(Uni<T> work, Consumer<Throwable> onRetry) {
        return work
                .onFailure(f -> !PermanentFailures.isPermanent(f)).invoke(onRetry)
                .onFailure(f -> !PermanentFailures.isPermanent(f))
                .retry().withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).indefinitely();
    }
}
