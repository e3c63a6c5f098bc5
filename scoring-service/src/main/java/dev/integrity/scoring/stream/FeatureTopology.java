package dev.integrity.scoring.stream;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.AppClassifier;
import dev.integrity.contract.EventValidator;
import dev.integrity.kafka.DeadLetter;
import dev.integrity.kafka.EventBatch;
import dev.integrity.scoring.config.ScoringConfig;
import dev.integrity.scoring.decision.FeatureCounters;
import dev.integrity.scoring.decision.FeatureDerivation;
import dev.integrity.scoring.model.FeatureSnapshot;
import dev.integrity.scoring.model.LockstepHit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;

/**
 * Scoring's feature store: a Kafka Streams topology that keeps every account's behaviour counters
 * in a state store local to the instance that owns the account's partition (RocksDB, changelogged to
 * Kafka, restored from it after a crash or a move), so recording an event and deriving features
 * costs no network round trip.
 *
 * <pre>
 * account-events ──► record ──► scoring.features (one snapshot per event)
 *                      │  stores: scoring-features (counters by account), scoring-seen (eventIds, 3 days)
 *                      └──► account-events.dlq (records that are not account events)
 * scoring.lockstep-reach ──► reach-back ──► scoring.features (a snapshot carrying the hit)
 * </pre>
 *
 * With {@code processing.guarantee=exactly_once_v2} a store update and the snapshot it produces are
 * one Kafka transaction: a kill or a rebalance neither loses nor repeats a recorded event. The two
 * inputs are keyed by account with the same partition count, so an account's reach-back meets its
 * counters in the same task.
 */
@ApplicationScoped
public class FeatureTopology {

    private static final Logger LOG = Logger.getLogger(FeatureTopology.class);

    public static final String FEATURES_STORE = "scoring-features";
    public static final String SEEN_STORE = "scoring-seen";
    /** How long an eventId is remembered, by the time the event was accepted: a republished event arrives well within it. */
    static final Duration SEEN_RETENTION = Duration.ofDays(3);

    // Not a normal scope: Kafka Streams reads the topology's fields, which a client proxy would not have.
    @Produces
    @Singleton
    Topology topology(ScoringConfig config, EventValidator validator, AppClassifier apps, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        return build(config.topics(), validator, apps, registry, service);
    }

    /** @param service names the consumer in its dead letters' {@code dead-letter-consumer}, as every consumer's dead letters do */
    public static Topology build(ScoringConfig.Topics topics, EventValidator validator, AppClassifier apps, MeterRegistry registry, String service) {
        Serde<FeatureCounters> counters = new ObjectMapperSerde<>(FeatureCounters.class, InternalFormat.mapper());
        Serde<FeatureSnapshot> snapshots = new ObjectMapperSerde<>(FeatureSnapshot.class, InternalFormat.mapper());
        Serde<LockstepHit> hits = new ObjectMapperSerde<>(LockstepHit.class, InternalFormat.mapper());
        Meters meters = new Meters(
                Counter.builder("scoring.features.recorded").description("Account events recorded in the feature store").register(registry),
                Counter.builder("scoring.features.repeated")
                        .description("Account events whose eventId the feature store had recorded already (not counted again)").register(registry),
                registry.counter("scoring.dead.letters", "topic", topics.events()));

        Topology topology = new Topology();
        topology.addSource("events", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.events());
        topology.addSource("reach", Serdes.String().deserializer(), hits.deserializer(), topics.reach());
        topology.addProcessor("record", () -> new RecordEvent(validator, apps, meters, service), "events");
        topology.addProcessor("reach-back", ReachBack::new, "reach");
        // Cached: an account's counters are read from and written to memory between commits, and the
        // changelog gets their last value per commit rather than one record per event.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FEATURES_STORE), Serdes.String(), counters)
                .withCachingEnabled(), "record", "reach-back");
        // Not cached: every eventId is new but for the rare repeat, so a cache would only hold each one
        // (with its record's headers) until the commit, at a heap cost and no saving.
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_STORE, SEEN_RETENTION, Duration.ofMillis(1), false), Serdes.String(), Serdes.Long())
                .withCachingDisabled(), "record");
        topology.addSink("snapshots", topics.snapshots(), Serdes.String().serializer(), snapshots.serializer(), "record", "reach-back");
        topology.addSink("dead-letters", topics.eventsDeadLetters(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), "record");
        return topology;
    }

    /** The account's features from its counters, windows anchored at its latest event. */
    static FeatureSnapshot snapshot(String account, FeatureCounters counters, AccountEvent event, boolean fresh, LockstepHit hit) {
        long latest = counters.latestMs();
        return new FeatureSnapshot(account, event, fresh, Instant.ofEpochMilli(latest), FeatureDerivation.derive(account, latest,
                counters.raw(latest)), hit);
    }

    /** What the feature store counts: events recorded, events it had recorded already, dead letters. */
    record Meters(Counter recorded, Counter repeated, Counter deadLetters) {
    }

    /** Records one account event (once per eventId) and forwards the account's features; a record that is not an event becomes a dead letter. */
    static final class RecordEvent implements Processor<String, byte[], String, Object> {

        private final EventValidator validator;
        private final AppClassifier apps;
        private final Meters meters;
        private final String service;
        private ProcessorContext<String, Object> context;
        private KeyValueStore<String, FeatureCounters> features;
        private WindowStore<String, Long> seen;

        RecordEvent(EventValidator validator, AppClassifier apps, Meters meters, String service) {
            this.validator = validator;
            this.apps = apps;
            this.meters = meters;
            this.service = service;
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
            this.features = context.getStateStore(FEATURES_STORE);
            this.seen = context.getStateStore(SEEN_STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            EventBatch.Read read = EventBatch.read(record.value(), validator);
            if (read.event() == null) {
                deadLetter(record, read.problem());
                return;
            }
            try {
                record(record, read.event());
            } catch (StreamsException e) {
                throw e; // the store or Kafka: Kafka Streams retries the task or stops, nothing is skipped
            } catch (RuntimeException e) {
                // An event that passed validation but cannot be recorded is a bug: park it with the
                // reason rather than stop every account's scoring behind it.
                deadLetter(record, "could not record the event: " + e);
            }
        }

        /** Computes first and writes after, so that an event that fails is neither remembered nor counted. */
        private void record(Record<String, byte[]> record, AccountEvent event) {
            String account = event.accountId();
            boolean fresh = !seenBefore(event.eventId(), record.timestamp());
            FeatureCounters counters = features.get(account);
            if (counters == null) {
                counters = FeatureCounters.empty();
            }
            if (fresh) {
                counters = counters.record(event, apps.isThirdParty(event.clientAppId()) ? event.clientAppId() : null);
            }
            FeatureSnapshot snapshot = snapshot(account, counters, event, fresh, null);
            if (fresh) {
                seen.put(event.eventId(), record.timestamp(), record.timestamp());
                features.put(account, counters);
                meters.recorded().increment();
            } else {
                meters.repeated().increment();
            }
            // The snapshot keeps the event's headers: its CloudEvents ids and the trace context ingest wrote
            // (traceparent), so the decider's consumer continues the event's trace.
            context.forward(record.withKey(account).withValue(snapshot), "snapshots");
        }

        /** Whether the eventId was recorded before (eventIds are remembered by acceptance time, for {@link #SEEN_RETENTION}). */
        private boolean seenBefore(String eventId, long acceptedAt) {
            try (WindowStoreIterator<Long> found = seen.fetch(eventId, acceptedAt - SEEN_RETENTION.toMillis(), acceptedAt + SEEN_RETENTION.toMillis())) {
                return found.hasNext();
            }
        }

        private void deadLetter(Record<String, byte[]> record, String problem) {
            RecordMetadata from = context.recordMetadata().orElseThrow();
            LOG.warnf("dead letter from %s-%d@%d (key %s): %s", from.topic(), from.partition(), from.offset(), record.key(), problem);
            meters.deadLetters().increment();
            context.forward(record.withValue((Object) (record.value() == null ? new byte[0] : record.value()))
                    .withHeaders(DeadLetter.headers(record.headers(), problem, from.topic(), from.partition(), from.offset(), service)), "dead-letters");
        }
    }

    /** A lockstep group found an account outside the batch that found it: forward the account's features with the hit. */
    static final class ReachBack implements Processor<String, LockstepHit, String, FeatureSnapshot> {

        private ProcessorContext<String, FeatureSnapshot> context;
        private KeyValueStore<String, FeatureCounters> features;

        @Override
        public void init(ProcessorContext<String, FeatureSnapshot> context) {
            this.context = context;
            this.features = context.getStateStore(FEATURES_STORE);
        }

        @Override
        public void process(Record<String, LockstepHit> record) {
            LockstepHit hit = record.value();
            if (hit == null) {
                return;
            }
            FeatureCounters counters = features.get(hit.accountId());
            if (counters == null) {
                // The store has no event of this account (it never was in one of its partitions): decide nothing rather than guess.
                LOG.debugf("lockstep reach-back for %s, whose features are unknown: skipped", hit.accountId());
                return;
            }
            context.forward(record.withKey(hit.accountId()).withValue(snapshot(hit.accountId(), counters, null, false, hit)));
        }
    }
}
