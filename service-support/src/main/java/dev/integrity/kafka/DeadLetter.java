package dev.integrity.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The dead letter of a record no consumer can process: same key, value and headers, plus the error
 * and where the record came from ({@code dead-letter-reason}, {@code -topic}, {@code -partition},
 * {@code -offset}), ready for a dead-letter topic's emitter.
 */
public final class DeadLetter {

    private DeadLetter() {
    }

    public static Message<byte[]> of(ConsumerRecord<String, byte[]> record, String error) {
        Headers headers = headers(record.headers(), error, record.topic(), record.partition(), record.offset());
        return Message.of(record.value() == null ? new byte[0] : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(record.key()).withHeaders(headers).build());
    }

    /** The record's own headers plus the error and where it came from (also for a Kafka Streams processor's dead letters). */
    public static Headers headers(Headers original, String error, String topic, int partition, long offset) {
        RecordHeaders headers = new RecordHeaders(original.toArray());
        headers.add("dead-letter-reason", utf8(error));
        headers.add("dead-letter-topic", utf8(topic));
        headers.add("dead-letter-partition", utf8(String.valueOf(partition)));
        headers.add("dead-letter-offset", utf8(String.valueOf(offset)));
        return headers;
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
