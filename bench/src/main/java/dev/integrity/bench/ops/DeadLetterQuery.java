package dev.integrity.bench.ops;

import java.time.Instant;
import java.util.List;

/**
 * Which dead letters to read: the dead-letter topics, and optionally only those from one original
 * topic, with one key, or written since a time.
 *
 * @param originTopic the original topic (dead-letter-topic header), or null for any
 * @param key         the record key (as text), or null for any
 * @param since       the earliest dead-letter timestamp, or null for all
 */
public record DeadLetterQuery(List<String> dlqTopics, String originTopic, String key, Instant since) {

    /** The suite's dead-letter topics (platform/kafka/topics.txt). */
    public static final List<String> DLQ_TOPICS = List.of("account-events.dlq", "enforcement.dlq");

    public DeadLetterQuery {
        dlqTopics = List.copyOf(dlqTopics);
        if (dlqTopics.isEmpty()) {
            throw new IllegalArgumentException("no dead-letter topic to read");
        }
    }

    /**
     * From the command line's {@code --topic}: a name ending in {@code .dlq} reads that dead-letter topic
     * alone; any other name is an original topic, and both dead-letter topics are read for it.
     */
    public static DeadLetterQuery of(String topic, String key, Instant since) {
        if (topic != null && topic.endsWith(".dlq")) {
            return new DeadLetterQuery(List.of(topic), null, key, since);
        }
        return new DeadLetterQuery(DLQ_TOPICS, topic == null || topic.isBlank() ? null : topic, key, since);
    }

    public boolean matches(DeadLetterRecord d) {
        if (since != null && d.timestamp().isBefore(since)) {
            return false;
        }
        if (key != null && !key.equals(d.keyText())) {
            return false;
        }
        return originTopic == null || d.origin().map(o -> o.topic().equals(originTopic)).orElse(false);
    }
}
