package dev.integrity.ingest.config;

import java.time.Duration;
import java.util.Set;

import dev.integrity.contract.AppClassifier;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of the ingest service (prefix {@code ingest}). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Largest number of events in one request. */
    @WithDefault("10000")
    int maxBatchSize();

    /** Largest request body, in bytes (10 MiB). */
    @WithDefault("10485760")
    long maxBodyBytes();

    /** How long an eventId is remembered as seen, in Redis, for idempotency. */
    @WithDefault("P7D")
    Duration dedupeRetention();

    /**
     * How long a claimed eventId counts as in flight before it is confirmed published: longer than a
     * publish can take. An id still in flight when the same event comes again (its first request died
     * between claiming and publishing) is published again rather than answered as a duplicate.
     */
    @WithDefault("PT2M")
    Duration dedupePending();

    /** Apps that count as first-party; any other clientAppId is a third-party app. */
    @WithDefault(AppClassifier.DEFAULT_FIRST_PARTY)
    Set<String> firstPartyApps();

    /** How far in the future occurredAt may lie. */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /** The topic accepted events are published to. */
    @WithDefault("account-events")
    String eventsTopic();

    /** Seconds a client is told to wait (Retry-After) when Kafka or Redis is unavailable. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** The outbound actions: the topic they are relayed to and how the relay runs. */
    Actions actions();

    /** The producer accepted events are published with. */
    Producer producer();

    /** The hourly activity read (GET /accounts/{id}/activity). */
    Activity activity();

    interface Activity {
        /** Hours the window covers when the request names none. */
        @WithDefault("168")
        int defaultHours();

        /** The largest window a request may ask for, in hours (30 days). */
        @WithDefault("720")
        int maxHours();
    }

    interface Producer {
        /** How long a publish may take, retries included, before Kafka answers it failed (milliseconds). */
        @WithDefault("15000")
        int deliveryTimeoutMs();
    }

    interface Actions {
        /** The topic the host platform reads actions from (keyed by accountId). */
        @WithDefault("enforcement.actions")
        String topic();

        /** The relay's progress, written in the same Kafka transaction as the actions it published. */
        @WithDefault("enforcement.actions.relay")
        String progressTopic();

        /** Whether this replica takes part in relaying (one replica relays at a time, elected by a PostgreSQL lock). */
        @WithDefault("true")
        boolean relay();

        /** How long the relay waits before looking again when there was nothing to publish. */
        @WithDefault("PT0.2S")
        Duration pollInterval();

        /** Actions published in one Kafka transaction at the most. */
        @WithDefault("1000")
        int batchSize();
    }
}
