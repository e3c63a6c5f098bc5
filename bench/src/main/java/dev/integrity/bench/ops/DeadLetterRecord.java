package dev.integrity.bench.ops;

import dev.integrity.contract.DeadLetterHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One record on a dead-letter topic, as the services write them (kafka-support's {@code DeadLetter}):
 * the original record's key, value and headers, plus {@code dead-letter-reason} (the error),
 * {@code dead-letter-topic}, {@code dead-letter-partition} and {@code dead-letter-offset} (where the
 * original was read). Key and value are kept as the bytes on the topic, so that a replay writes back
 * exactly what was read.
 *
 * @param key   the key's bytes, or null
 * @param value the value's bytes, or null
 */
public record DeadLetterRecord(String dlqTopic, int dlqPartition, long dlqOffset, Instant timestamp, byte[] key, byte[] value,
        List<Header> headers) {


    /** Where the original record was read: its topic, partition and offset. */
    public record Origin(String topic, int partition, long offset) {

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    public DeadLetterRecord {
        headers = List.copyOf(headers);
    }

    public static DeadLetterRecord of(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(h -> headers.add(new RecordHeader(h.key(), h.value())));
        return new DeadLetterRecord(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()), record.key(),
                record.value(), headers);
    }

    /** The last header of this name as UTF-8 text (the last one is the newest). */
    public Optional<String> header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header h = headers.get(i);
            if (h.key().equals(name)) {
                return Optional.of(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The error that made a consumer give the record up, on one line. */
    public String reason() {
        return header(DeadLetterHeaders.REASON).map(r -> r.strip().replaceAll("\\s*\\R\\s*", " | ")).filter(r -> !r.isEmpty()).orElse("(no reason given)");
    }

    /** Where the original was read, if the dead letter says so completely. */
    public Optional<Origin> origin() {
        Optional<String> topic = header(DeadLetterHeaders.TOPIC).filter(t -> !t.isBlank());
        Optional<String> partition = header(DeadLetterHeaders.PARTITION);
        Optional<String> offset = header(DeadLetterHeaders.OFFSET);
        if (topic.isEmpty() || partition.isEmpty() || offset.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Origin(topic.get(), Integer.parseInt(partition.get().strip()), Long.parseLong(offset.get().strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The original record's own headers: every header except the dead-letter ones, in their order. */
    public List<Header> originalHeaders() {
        return headers.stream().filter(h -> !h.key().startsWith(DeadLetterHeaders.PREFIX)).toList();
    }

    /** The key as text (the services' keys are strings: accountId, enforcementId), or null. */
    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** Where this dead letter itself is. */
    public String position() {
        return dlqTopic + "-" + dlqPartition + "@" + dlqOffset;
    }

    /** The value for a person: UTF-8 text on one line, cut at {@code max} characters, or its size when it is binary (Smile, Avro). */
    public String valuePreview(int max) {
        if (value == null) {
            return "(no value)";
        }
        if (value.length == 0) {
            return "(empty)";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return "(binary, " + value.length + " bytes)";
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            return "(binary, " + value.length + " bytes)";
        }
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= max ? line : line.substring(0, max) + "… (" + value.length + " bytes)";
    }
}
