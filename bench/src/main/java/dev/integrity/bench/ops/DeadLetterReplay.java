package dev.integrity.bench.ops;

import dev.integrity.bench.kafka.KafkaConnection;
import dev.integrity.bench.kafka.KafkaFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Republishes dead letters to where their records came from: the original topic and partition, with
 * exactly the original key, value and headers (every header except the {@code dead-letter-*} ones).
 *
 * <p>One original record can have several dead letters (each consumer group that failed on it wrote
 * one); it is republished once. Replaying is safe to repeat: the records go back to topics whose
 * consumers skip what they have already processed (account events by eventId, enforcement messages
 * by enforcementId), so a record replayed twice, or one that a consumer group had processed before
 * another group gave it up, is applied once. A record that still fails becomes a dead letter again.
 */
public final class DeadLetterReplay {

    /** What a replay did (or, dry, would do). */
    public record Result(int deadLetters, int records, int duplicates, int withoutOrigin, int toDeadLetterTopic, Map<String, Integer> byTopic,
            List<String> failures) {

        public int failed() {
            return failures.size();
        }
    }

    /** The plan: which dead letters to republish (one per original record) and which to leave, and why. */
    public record Plan(List<DeadLetterRecord> replay, int deadLetters, int duplicates, int withoutOrigin, int toDeadLetterTopic) {
    }

    private final KafkaConnection kafka;

    public DeadLetterReplay(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /**
     * Which of these dead letters to republish: one per original record (topic, partition, offset), in
     * the order read; never those that do not say where they came from, nor any whose origin is itself a
     * dead-letter topic (that would only move it in a circle).
     */
    public static Plan plan(List<DeadLetterRecord> deadLetters) {
        Set<DeadLetterRecord.Origin> seen = new HashSet<>();
        List<DeadLetterRecord> replay = new ArrayList<>();
        int duplicates = 0;
        int withoutOrigin = 0;
        int toDlq = 0;
        for (DeadLetterRecord d : deadLetters) {
            Optional<DeadLetterRecord.Origin> origin = d.origin();
            if (origin.isEmpty()) {
                withoutOrigin++;
            } else if (origin.get().topic().endsWith(".dlq")) {
                toDlq++;
            } else if (!seen.add(origin.get())) {
                duplicates++;
            } else {
                replay.add(d);
            }
        }
        return new Plan(replay, deadLetters.size(), duplicates, withoutOrigin, toDlq);
    }

    /** The record a dead letter is republished as; {@code partitions} is the original topic's partition count now. */
    public static ProducerRecord<byte[], byte[]> republished(DeadLetterRecord d, int partitions) {
        DeadLetterRecord.Origin origin = d.origin().orElseThrow();
        // The original partition: keyed topics are partitioned by key, and a stateful consumer (the feature
        // store) expects an account's records where they were. Should the topic have fewer partitions now,
        // the key decides.
        Integer partition = origin.partition() < partitions ? origin.partition() : null;
        return new ProducerRecord<>(origin.topic(), partition, d.key(), d.value(), d.originalHeaders());
    }

    /** Republishes the plan's records (nothing when {@code dry}); waits for every acknowledgement. */
    public Result run(Plan plan, boolean dry) {
        Map<String, Integer> byTopic = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> partitionCounts = partitionCounts(plan.replay(), failures);
        List<DeadLetterRecord> sendable = plan.replay().stream().filter(d -> partitionCounts.containsKey(d.origin().orElseThrow().topic())).toList();
        if (dry) {
            sendable.forEach(d -> byTopic.merge(d.origin().orElseThrow().topic(), 1, Integer::sum));
            return new Result(plan.deadLetters(), sendable.size(), plan.duplicates(), plan.withoutOrigin(), plan.toDeadLetterTopic(), byTopic,
                    failures);
        }
        int sent = 0;
        if (!sendable.isEmpty()) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            try (KafkaProducer<byte[], byte[]> producer = kafka.producer("replay")) {
                for (DeadLetterRecord d : sendable) {
                    futures.add(producer.send(republished(d, partitionCounts.get(d.origin().orElseThrow().topic()))));
                }
                producer.flush();
                for (int i = 0; i < futures.size(); i++) {
                    DeadLetterRecord d = sendable.get(i);
                    try {
                        futures.get(i).get(kafka.timeout().toMillis() * 3, TimeUnit.MILLISECONDS);
                        byTopic.merge(d.origin().orElseThrow().topic(), 1, Integer::sum);
                        sent++;
                    } catch (ExecutionException e) {
                        failures.add(d.position() + " -> " + d.origin().orElseThrow() + ": " + e.getCause());
                    } catch (TimeoutException e) {
                        failures.add(d.position() + " -> " + d.origin().orElseThrow() + ": not acknowledged in time");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new KafkaFailure("interrupted while replaying; " + sent + " records were republished", e);
                    }
                }
            } catch (org.apache.kafka.common.KafkaException e) {
                throw kafka.failure("republish the dead letters (" + sent + " republished before this)", e);
            }
        }
        return new Result(plan.deadLetters(), sent, plan.duplicates(), plan.withoutOrigin(), plan.toDeadLetterTopic(), byTopic, failures);
    }

    /** Each original topic's partition count; a topic that no longer exists fails its records. */
    private Map<String, Integer> partitionCounts(List<DeadLetterRecord> replay, List<String> failures) {
        Set<String> topics = new HashSet<>();
        replay.forEach(d -> topics.add(d.origin().orElseThrow().topic()));
        Map<String, Integer> counts = new HashMap<>();
        if (topics.isEmpty()) {
            return counts;
        }
        Map<String, TopicDescription> described = kafka.describeTopics(topics);
        for (String topic : topics) {
            TopicDescription d = described.get(topic);
            if (d != null) {
                counts.put(topic, d.partitions().size());
            } else {
                long n = replay.stream().filter(r -> r.origin().orElseThrow().topic().equals(topic)).count();
                failures.add(n + " dead letter" + (n == 1 ? "" : "s") + " from " + topic + ": the topic no longer exists");
            }
        }
        return counts;
    }
}
