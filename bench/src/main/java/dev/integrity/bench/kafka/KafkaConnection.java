package dev.integrity.bench.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one way this module talks to Kafka (the benchmark, {@code ./suite lag}, {@code ./suite dlq}): one Admin,
 * and on demand a group-less consumer (assigned partitions, nothing committed) and producers. Every answer is
 * waited for at most the timeout, and every failure is a {@link KafkaFailure} with one line that says what
 * could not be done and why.
 */
public final class KafkaConnection implements AutoCloseable {

    static {
        // kafka-clients logs through SLF4J; without a provider SLF4J prints a warning. Whoever uses this
        // connection reports Kafka's problems itself, so the clients' own logs are dropped.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    private final String bootstrap;
    private final Duration timeout;
    private final String clientId;
    private final Admin admin;

    /** @param clientId the clients' ids start with it (its admin is {@code CLIENT_ID-admin}) */
    public KafkaConnection(String bootstrap, Duration timeout, String clientId) {
        this.bootstrap = bootstrap;
        this.timeout = timeout;
        this.clientId = clientId;
        Properties props = properties("admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis());
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(props);
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Duration timeout() {
        return timeout;
    }

    public Admin admin() {
        return admin;
    }

    /** Fails with a clear message when no broker answers within the timeout. */
    public void requireReachable() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis())).nodes().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaFailure("Kafka is not reachable at " + bootstrap + " (no answer within " + timeout.toSeconds()
                    + " s); is it up? (./suite status, ./suite up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaFailure("interrupted while reaching Kafka at " + bootstrap, e);
        }
    }

    /** The descriptions of those of these topics that exist: a topic that does not is left out, any other failure fails. */
    public Map<String, TopicDescription> describeTopics(Collection<String> topics) {
        Map<String, TopicDescription> described = new HashMap<>();
        admin.describeTopics(topics).topicNameValues().forEach((topic, future) -> {
            try {
                described.put(topic, get(future, "describe topic " + topic));
            } catch (KafkaFailure e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        });
        return described;
    }

    /** A consumer without a group: partitions are assigned by the caller and nothing is committed; transactions' aborted records are skipped. */
    public KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = properties("reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis());
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** An idempotent producer of raw bytes with acks=all: a record it reports sent is durably on the topic, once. */
    public KafkaProducer<byte[], byte[]> producer(String name) {
        return producer(name, Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(), ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(30_000, millis() * 3)), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A producer with these settings, named {@code CLIENT_ID-NAME}. */
    public <K, V> KafkaProducer<K, V> producer(String name, Map<String, ?> settings, Serializer<K> keys, Serializer<V> values) {
        Properties props = properties(name);
        props.putAll(settings);
        return new KafkaProducer<>(props, keys, values);
    }

    /** The future's value, or a KafkaFailure saying what could not be done. */
    public <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        } catch (TimeoutException e) {
            throw failure(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what, e);
        }
    }

    /** {@code cannot WHAT at BOOTSTRAP: why}; the cause stays attached for callers that expect some failures. */
    public KafkaFailure failure(String what, Throwable cause) {
        String why = cause == null ? "unknown error"
                : cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException
                        ? "no answer within " + timeout.toSeconds() + " s (is Kafka up at " + bootstrap + "?)"
                        : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new KafkaFailure("cannot " + what + " at " + bootstrap + ": " + why, cause);
    }

    private Properties properties(String name) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-" + name);
        return props;
    }

    private int millis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
