package dev.integrity.scoring.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.AppClassifier;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.EventType;
import dev.integrity.contract.EventValidator;
import dev.integrity.contract.enforcement.LockstepWindow;
import dev.integrity.kafka.CloudEvents;
import dev.integrity.scoring.config.ScoringConfig;
import dev.integrity.scoring.model.FeatureSnapshot;
import dev.integrity.scoring.model.LockstepHit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The feature store's topology without a broker: events in, one snapshot each out, repeats not counted twice, dead letters, reach-backs. */
class FeatureTopologySpec {

    private static final Instant T0 = Instant.parse("2026-03-02T10:30:00Z");
    private static final ScoringConfig.Topics TOPICS = new ScoringConfig.Topics() {
        public String events() { return "events"; }
        public String snapshots() { return "snapshots"; }
        public String reach() { return "reach"; }
        public String eventsDeadLetters() { return "dlq"; }
    };

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestInputTopic<String, byte[]> reach;
    private TestOutputTopic<String, byte[]> snapshots;
    private TestOutputTopic<String, byte[]> deadLetters;
    private Path stateDir;

    @BeforeEach
    void start() throws Exception {
        stateDir = Files.createTempDirectory("feature-topology");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "feature-topology-spec");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        EventValidator validator = new EventValidator(Clock.fixed(T0.plus(Duration.ofDays(1)), java.time.ZoneOffset.UTC), Duration.ofDays(3650));
        driver = new TopologyTestDriver(FeatureTopology.build(TOPICS, validator, AppClassifier.defaults(), new SimpleMeterRegistry(), "scoring-service"), props);
        events = driver.createInputTopic("events", new StringSerializer(), new ByteArraySerializer());
        reach = driver.createInputTopic("reach", new StringSerializer(), new ByteArraySerializer());
        snapshots = driver.createOutputTopic("snapshots", new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic("dlq", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() throws Exception {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static AccountEvent follow(String id, String account, String target, String app, Instant at) {
        return new AccountEvent(id, EventType.FOLLOW, account, at, app, "198.51.100.7", "d-" + account, target, null, null, null, null);
    }

    private void send(AccountEvent e, Instant acceptedAt) throws Exception {
        events.pipeInput(new TestRecord<>(e.accountId(), EventJson.mapper().writeValueAsBytes(e), acceptedAt));
    }

    private FeatureSnapshot next() throws Exception {
        return InternalFormat.mapper().readValue(snapshots.readValue(), FeatureSnapshot.class);
    }

    @Test
    void everyEventGivesOneSnapshotOfItsAccountAndARepeatedEventIdCountsOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(follow("e" + i, "bot", "t" + i, "followboost", T0.plusSeconds(i)), T0.plusSeconds(i));
        }
        FeatureSnapshot third = List.of(next(), next(), next()).get(2);
        assertEquals("bot", third.accountId());
        assertTrue(third.fresh());
        assertEquals(3, third.features().follows24h());
        assertEquals(3, third.features().thirdParty24h().get("F"));
        assertEquals(T0.plusSeconds(2), third.latest());

        send(follow("e1", "bot", "t1", "followboost", T0.plusSeconds(1)), T0.plusSeconds(60));
        FeatureSnapshot repeat = next();
        assertFalse(repeat.fresh(), "the eventId was recorded already");
        assertEquals("e1", repeat.event().eventId());
        assertEquals(3, repeat.features().follows24h(), "and is not counted again");
        assertTrue(snapshots.isEmpty());
    }

    @Test
    void aSnapshotKeepsItsEventsTraceContextSoTheDeciderContinuesTheTrace() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        AccountEvent e = follow("e1", "bot", "t1", "followboost", T0);
        org.apache.kafka.common.header.internals.RecordHeaders headers = CloudEvents.accountEvent(e.eventId(), e.type(), e.occurredAt());
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        events.pipeInput(new TestRecord<>(e.accountId(), EventJson.mapper().writeValueAsBytes(e), headers, T0));
        TestRecord<String, byte[]> snapshot = snapshots.readRecord();
        assertEquals(traceparent, new String(snapshot.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
        assertEquals("e1", new String(snapshot.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
    }

    @Test
    void aRecordThatIsNotAnEventBecomesADeadLetterWithTheReasonAndTheStreamGoesOn() throws Exception {
        events.pipeInput(new TestRecord<>("bot", "{not json".getBytes(StandardCharsets.UTF_8), T0));
        send(follow("e1", "bot", "t1", null, T0), T0);
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertEquals("{not json", new String(dead.value(), StandardCharsets.UTF_8));
        assertEquals("events", new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
        assertFalse(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8).isBlank());
        assertEquals(1, next().features().follows24h());
    }

    @Test
    void aReachBackAnswersWithTheAccountsFeaturesAndTheHitOnlyForAnAccountItKnows() throws Exception {
        send(follow("e1", "early", "t1", "followboost", T0), T0);
        next();
        LockstepHit hit = new LockstepHit("g1", "early", List.of("early", "late"),
                List.of(new LockstepWindow("t1", T0.minusSeconds(60), T0.plusSeconds(60), EventType.FOLLOW)));
        reach.pipeInput("stranger", InternalFormat.mapper().writeValueAsBytes(new LockstepHit("g1", "stranger", List.of("stranger"), List.of())));
        reach.pipeInput("early", InternalFormat.mapper().writeValueAsBytes(hit));
        FeatureSnapshot answer = next();
        assertEquals("early", answer.accountId());
        assertNull(answer.event());
        assertEquals(hit, answer.hit());
        assertEquals(1, answer.features().follows24h());
        assertTrue(snapshots.isEmpty(), "nothing for an account the store never saw");
    }
}
