package dev.integrity.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.action.ActionType;
import dev.integrity.contract.action.PlatformAction;
import dev.integrity.ingest.config.IngestConfig;
import dev.integrity.ingest.service.IngestMetrics;
import dev.integrity.kafka.CloudEvents;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the outbox of platform actions to {@code enforcement.actions}, exactly once: each batch
 * of actions and the relay's progress ("epoch:last seq", on the progress topic) are written in one
 * Kafka transaction, so after a crash the next relay reads where the last committed batch ended
 * and a batch is either wholly on the topic or not at all. One replica relays at a time: the one
 * holding a PostgreSQL session lock; its transactional id fences any earlier relay that is still
 * half alive. Runs on its own thread, since the Kafka producer's transactions block.
 * <p>
 * Written by hand rather than with a connector: the suite runs no Kafka Connect, and the
 * transactional pairing of progress and data is a few lines with the plain clients.
 */
@ApplicationScoped
public class ActionRelay {

    private static final Logger LOG = Logger.getLogger(ActionRelay.class);
    private static final String SOURCE = "/ingest-service";
    private static final String LEADER_LOCK = "SELECT pg_try_advisory_lock(7301, 2)";

    private final AgroalDataSource database;
    private final IngestConfig.Actions config;
    private final String bootstrap;
    private final Counter relayed;
    private final AtomicLong lastSeq = new AtomicLong(-1);
    private final AtomicLong leader = new AtomicLong();

    private volatile boolean running;
    private Thread thread;
    private Connection lock;
    private KafkaProducer<String, byte[]> producer;
    private String epoch;

    public ActionRelay(AgroalDataSource database, IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            MeterRegistry registry, IngestMetrics metrics) {
        this.database = database;
        this.config = config.actions();
        this.bootstrap = bootstrap;
        this.relayed = metrics.actionsRelayed();
        registry.gauge("ingest.actions.relay.leader", leader);
        registry.gauge("ingest.actions.relay.position", lastSeq);
    }

    void start(@Observes StartupEvent started) {
        if (!config.relay()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("action-relay").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10));
        }
        stepDown();
    }

    private void loop() {
        while (running) {
            try {
                if (!isLeader()) {
                    sleep(Duration.ofSeconds(1));
                    continue;
                }
                if (producer == null) {
                    open();
                }
                if (relayBatch() == 0) {
                    sleep(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("action relay stepped down, retrying: %s", e.toString());
                }
                stepDown();
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    /** Holds (or takes) the relay's lock on its own connection; the lock goes with the connection. */
    private boolean isLeader() throws SQLException {
        if (lock != null && lock.isValid(2)) {
            return true;
        }
        closeLock();
        Connection candidate = database.getConnection();
        candidate.setAutoCommit(true);
        try (PreparedStatement st = candidate.prepareStatement(LEADER_LOCK); ResultSet rs = st.executeQuery()) {
            if (rs.next() && rs.getBoolean(1)) {
                lock = candidate;
                leader.set(1);
                LOG.info("action relay: this replica relays the platform actions");
                return true;
            }
        }
        candidate.close();
        return false;
    }

    /** A transactional producer (fencing any earlier one), and where the last committed batch ended. */
    private void open() throws SQLException {
        try (PreparedStatement st = lock.prepareStatement("SELECT epoch::text FROM platform_action_epoch"); ResultSet rs = st.executeQuery()) {
            rs.next();
            epoch = rs.getString(1);
        }
        KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ingest-action-relay:" + config.progressTopic(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "ingest-action-relay"), new StringSerializer(), new ByteArraySerializer());
        p.initTransactions();
        producer = p;
        lastSeq.set(committedProgress());
        LOG.infof("action relay: epoch %s, resuming after seq %d", epoch, lastSeq.get());
    }

    /** The last seq a committed transaction published for this outbox's epoch, or 0. */
    private long committedProgress() {
        TopicPartition progress = new TopicPartition(config.progressTopic(), 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(progress));
            long end = consumer.endOffsets(List.of(progress)).get(progress);
            if (end == 0) {
                return 0;
            }
            // The tail holds the last committed progress (and transaction markers, which are not returned).
            consumer.seek(progress, Math.max(0, end - 50));
            String last = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(progress) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    last = r.value();
                }
            }
            if (last == null || !last.startsWith(epoch + ":")) {
                return 0;
            }
            return Long.parseLong(last.substring(epoch.length() + 1));
        }
    }

    private int relayBatch() throws SQLException {
        List<PlatformAction> actions = new ArrayList<>();
        long maxSeq = lastSeq.get();
        try (PreparedStatement st = lock.prepareStatement("""
                SELECT seq, action_id, enforcement_id, type, account_id, target_account_id, media_id, source_event_id, decided_at
                FROM platform_action WHERE seq > ? ORDER BY seq LIMIT ?""")) {
            st.setLong(1, lastSeq.get());
            st.setInt(2, config.batchSize());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    maxSeq = rs.getLong("seq");
                    actions.add(new PlatformAction(rs.getString("action_id"), rs.getString("enforcement_id"), ActionType.valueOf(rs.getString("type")),
                            rs.getString("account_id"), rs.getString("target_account_id"), rs.getString("media_id"),
                            rs.getString("source_event_id"), rs.getTimestamp("decided_at").toInstant()));
                }
            }
        }
        if (actions.isEmpty()) {
            return 0;
        }
        producer.beginTransaction();
        for (PlatformAction a : actions) {
            producer.send(new ProducerRecord<>(config.topic(), null, a.accountId(), json(a),
                    CloudEvents.headers(a.actionId(), "dev.integrity.action." + a.type(), SOURCE)));
        }
        producer.send(new ProducerRecord<>(config.progressTopic(), 0, "progress", (epoch + ":" + maxSeq).getBytes(StandardCharsets.UTF_8)));
        producer.commitTransaction();
        lastSeq.set(maxSeq);
        relayed.increment(actions.size());
        return actions.size();
    }

    private void stepDown() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("closing the relay's producer: %s", e);
            }
            producer = null;
        }
        closeLock();
    }

    private void closeLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (SQLException e) {
                LOG.debugf("closing the relay's lock connection: %s", e);
            }
            lock = null;
        }
        leader.set(0);
    }

    private static byte[] json(PlatformAction action) {
        try {
            return EventJson.mapper().writeValueAsBytes(action);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
