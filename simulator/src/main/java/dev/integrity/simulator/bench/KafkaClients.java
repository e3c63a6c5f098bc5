package dev.integrity.simulator.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** {@link KafkaSide} with kafka-clients: an AdminClient and, for the baseline, a plain producer. */
public final class KafkaClients implements KafkaSide {

    private static final long TIMEOUT_SECONDS = 15;

    static {
        // kafka-clients logs through SLF4J; without a provider SLF4J prints a warning. The benchmark
        // reports Kafka problems itself (timeouts, errors), so the clients' own logs are dropped.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    private final String bootstrap;
    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitions = new ConcurrentHashMap<>();

    public KafkaClients(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "bench-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 14_000);
        this.admin = Admin.create(props);
    }

    @Override
    public Map<Integer, Long> endOffsets(String topic) {
        return offsets(topic, OffsetSpec.latest());
    }

    @Override
    public Map<Integer, Long> startOffsets(String topic) {
        return offsets(topic, OffsetSpec.earliest());
    }

    private Map<Integer, Long> offsets(String topic, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitionsOf(topic).forEach(tp -> request.put(tp, spec));
        Map<Integer, Long> byPartition = new TreeMap<>();
        get(admin.listOffsets(request).all(), "list the offsets of " + topic)
                .forEach((tp, info) -> byPartition.put(tp.partition(), info.offset()));
        return byPartition;
    }

    private List<TopicPartition> partitionsOf(String topic) {
        List<TopicPartition> known = partitions.get(topic);
        if (known != null) {
            return known;
        }
        TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic).get(topic);
        List<TopicPartition> list = d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        partitions.put(topic, list);
        return list;
    }

    @Override
    public Map<Integer, Long> committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> all = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
                "read consumer group " + group);
        Map<Integer, Long> byPartition = new TreeMap<>();
        all.forEach((tp, om) -> {
            if (om != null && tp.topic().equals(topic)) {
                byPartition.put(tp.partition(), om.offset());
            }
        });
        return byPartition;
    }

    @Override
    public boolean createTopic(String topic, int count) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(count), Optional.empty()))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw failure("create topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw failure("create topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("create topic " + topic, e);
        } finally {
            partitions.remove(topic);
        }
    }

    @Override
    public void deleteTopic(String topic) {
        try {
            admin.deleteTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw failure("delete topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw failure("delete topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("delete topic " + topic, e);
        } finally {
            partitions.remove(topic);
        }
    }

    /** The settings ingest's publisher uses (acks=all, idempotent, linger 5 ms, 256 KiB batches, lz4). */
    @Override
    public Map<String, String> producerConfig() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        c.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        return c;
    }

    @Override
    public BaselineResult produce(String topic, EventPool pool, Duration warmUp, Duration duration, AtomicLong acknowledged) {
        Properties props = new Properties();
        props.putAll(producerConfig());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-baseline");
        AtomicLong measured = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long sent = 0;
        long measureFrom;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic); // metadata first: the clock starts with the first send
            long start = System.nanoTime();
            measureFrom = start + warmUp.toNanos();
            lastAck.set(measureFrom);
            long end = measureFrom + duration.toNanos();
            int i = 0;
            while (System.nanoTime() - end < 0 && firstError.get() == null) {
                for (int k = 0; k < 512; k++) {
                    producer.send(new ProducerRecord<>(topic, pool.key(i), pool.value(i)), (metadata, error) -> {
                        if (error == null) {
                            acknowledged.incrementAndGet();
                            long now = System.nanoTime();
                            if (now - measureFrom >= 0) {
                                measured.incrementAndGet();
                                lastAck.accumulateAndGet(now, Math::max);
                            }
                        } else {
                            failed.incrementAndGet();
                            firstError.compareAndSet(null, error.toString());
                        }
                    });
                    sent++;
                    if (++i == pool.size()) {
                        i = 0;
                    }
                }
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw failure("produce to " + topic, e);
        }
        return new BaselineResult(sent, measured.get(), failed.get(), Math.max(0, lastAck.get() - measureFrom) / 1e9, warmUp.toNanos() / 1e9,
                firstError.get());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        } catch (TimeoutException e) {
            throw failure(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what, e);
        }
    }

    private KafkaException failure(String what, Throwable cause) {
        String why = cause == null ? "unknown error"
                : cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException
                        ? "no answer within " + TIMEOUT_SECONDS + " s (is Kafka up at " + bootstrap + "?)"
                        : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new KafkaException("cannot " + what + " at " + bootstrap + ": " + why, cause);
    }

    /** Kafka did not do what the benchmark asked. */
    public static final class KafkaException extends RuntimeException {
        KafkaException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
