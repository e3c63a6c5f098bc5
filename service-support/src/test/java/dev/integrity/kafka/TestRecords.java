package dev.integrity.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.mutiny.Uni;

/** Records and batches as a consumer gets them, and a dead-letter route that only remembers what it was sent. */
final class TestRecords {

    static final String TOPIC = "account-events";

    private TestRecords() {
    }

    static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** A record of {@link #TOPIC}, partition 0, keyed by its offset. */
    static ConsumerRecord<String, byte[]> record(long offset, String value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, "key-" + offset, utf8(value));
    }

    /** The records as one poll of partition 0, in their order. */
    @SafeVarargs
    static ConsumerRecords<String, byte[]> batch(ConsumerRecord<String, byte[]>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), Arrays.asList(records)), Map.of());
    }

    /** Reads a value as text: "poison..." is unusable (the value is the reason), "skip" calls for no work. */
    static String readText(byte[] value) throws UnusableRecordException {
        String text = new String(value, StandardCharsets.UTF_8);
        if (text.startsWith("poison")) {
            throw new UnusableRecordException(text + " is unusable");
        }
        return text.equals("skip") ? null : text;
    }

    /** A dead letter sent: the record and its reason. */
    record Sent(ConsumerRecord<String, byte[]> record, String error) {
    }

    /** A route whose sending always succeeds, remembering each dead letter in order. */
    static final class RecordingRoute implements DeadLetter.Route {

        final List<Sent> sent = new ArrayList<>();

        @Override
        public Uni<Void> send(ConsumerRecord<String, byte[]> record, String error) {
            return Uni.createFrom().voidItem().invoke(() -> sent.add(new Sent(record, error)));
        }
    }
}
