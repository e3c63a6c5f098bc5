package dev.integrity.bench.ops;

import dev.integrity.bench.kafka.KafkaConnection;
import dev.integrity.bench.kafka.KafkaFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the dead-letter topics from the beginning (or from the first record at or after
 * {@code since}) up to their end as it was when the read began, without a consumer group: nothing is
 * committed, so reading changes nothing. Records of aborted transactions are skipped.
 */
public final class DeadLetterReader {

    private final KafkaConnection kafka;

    public DeadLetterReader(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /** Hands every matching dead letter to {@code sink}, in offset order per partition. */
    public void read(DeadLetterQuery query, Consumer<DeadLetterRecord> sink) {
        kafka.requireReachable();
        List<TopicPartition> partitions = partitions(query.dlqTopics());
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, kafka.timeout());
            Map<TopicPartition, Long> from = new HashMap<>();
            if (query.since() == null) {
                from.putAll(consumer.beginningOffsets(partitions, kafka.timeout()));
            } else {
                Map<TopicPartition, Long> at = new HashMap<>();
                partitions.forEach(tp -> at.put(tp, query.since().toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at, kafka.timeout());
                partitions.forEach(tp -> from.put(tp, found.get(tp) == null ? end.get(tp) : found.get(tp).offset()));
            }
            Set<TopicPartition> remaining = new HashSet<>();
            for (TopicPartition tp : partitions) {
                if (from.get(tp) < end.get(tp)) {
                    consumer.seek(tp, from.get(tp));
                    remaining.add(tp);
                }
            }
            consumer.pause(partitions.stream().filter(tp -> !remaining.contains(tp)).toList());
            long lastProgress = System.nanoTime();
            while (!remaining.isEmpty()) {
                boolean progressed = false;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue; // written after the read began: the next run sees it
                    }
                    progressed = true;
                    DeadLetterRecord d = DeadLetterRecord.of(record);
                    if (query.matches(d)) {
                        sink.accept(d);
                    }
                }
                for (TopicPartition tp : List.copyOf(remaining)) {
                    if (consumer.position(tp, kafka.timeout()) >= end.get(tp)) {
                        remaining.remove(tp);
                        consumer.pause(List.of(tp));
                        progressed = true;
                    }
                }
                if (progressed) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > kafka.timeout().toNanos()) {
                    List<String> stuck = remaining.stream().map(tp -> tp + " at " + consumer.position(tp) + " of " + end.get(tp)).toList();
                    throw new KafkaFailure("reading the dead letters stalled (no record within " + kafka.timeout().toSeconds() + " s): "
                            + String.join(", ", stuck));
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw kafka.failure("read " + String.join(", ", query.dlqTopics()), e);
        }
    }

    private List<TopicPartition> partitions(List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, TopicDescription> described = kafka.describeTopics(topics);
        for (String topic : topics) {
            TopicDescription d = described.get(topic);
            if (d == null) {
                throw new KafkaFailure("there is no topic " + topic + " at " + kafka.bootstrap() + " (./suite up creates the suite's topics)");
            }
            d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }
}
