package dev.integrity.bench;

import dev.integrity.bench.kafka.KafkaConnection;
import dev.integrity.bench.kafka.KafkaFailure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** {@link KafkaSide} on a {@link KafkaConnection}: its Admin and, for the baseline, a plain producer. */
public final class KafkaClients implements KafkaSide {

    /** How long any one answer from Kafka may take. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final KafkaConnection kafka;
    private final Map<String, List<TopicPartition>> partitions = new ConcurrentHashMap<>();

    public KafkaClients(String bootstrap) {
        this.kafka = new KafkaConnection(bootstrap, TIMEOUT, "bench");
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
        kafka.get(kafka.admin().listOffsets(request).all(), "list the offsets of " + topic)
                .forEach((tp, info) -> byPartition.put(tp.partition(), info.offset()));
        return byPartition;
    }

    private List<TopicPartition> partitionsOf(String topic) {
        List<TopicPartition> known = partitions.get(topic);
        if (known != null) {
            return known;
        }
        TopicDescription d = kafka.get(kafka.admin().describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic).get(topic);
        List<TopicPartition> list = d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        partitions.put(topic, list);
        return list;
    }

    @Override
    public Map<Integer, Long> committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> all = kafka.get(kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
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
            kafka.get(kafka.admin().createTopics(List.of(new NewTopic(topic, Optional.of(count), Optional.empty()))).all(),
                    "create topic " + topic);
            return true;
        } catch (KafkaFailure e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        } finally {
            partitions.remove(topic);
        }
    }

    @Override
    public void deleteTopic(String topic) {
        try {
            kafka.get(kafka.admin().deleteTopics(List.of(topic)).all(), "delete topic " + topic);
        } catch (KafkaFailure e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
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
        AtomicLong measured = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long sent = 0;
        long measureFrom;
        try (KafkaProducer<String, byte[]> producer = kafka.producer("baseline", producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
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
            throw kafka.failure("produce to " + topic, e);
        }
        return new BaselineResult(sent, measured.get(), failed.get(), Math.max(0, lastAck.get() - measureFrom) / 1e9, warmUp.toNanos() / 1e9,
                firstError.get());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
