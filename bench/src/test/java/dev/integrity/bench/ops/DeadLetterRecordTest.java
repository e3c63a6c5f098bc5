package dev.integrity.bench.ops;

import dev.integrity.contract.DeadLetterHeaders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterRecordTest {

    static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A dead letter as kafka-support's DeadLetter writes it: the original headers, then the four dead-letter headers. */
    static DeadLetterRecord deadLetter(long dlqOffset, String originTopic, int partition, long offset, String key, String value) {
        List<Header> headers = new ArrayList<>();
        headers.add(header("ce_id", "e-" + offset));
        headers.add(header("ce_type", "FOLLOW"));
        headers.add(header(DeadLetterHeaders.REASON, "not an account event:\n  missing eventId"));
        headers.add(header(DeadLetterHeaders.TOPIC, originTopic));
        headers.add(header(DeadLetterHeaders.PARTITION, Integer.toString(partition)));
        headers.add(header(DeadLetterHeaders.OFFSET, Long.toString(offset)));
        return new DeadLetterRecord("account-events.dlq", 0, dlqOffset, Instant.parse("2026-12-04T10:00:00Z"),
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    void readsTheOriginAndTheErrorFromTheHeaders() {
        DeadLetterRecord d = deadLetter(7, "account-events", 3, 1234, "acc-42", "{\"x\":1}");
        assertEquals(Optional.of(new DeadLetterRecord.Origin("account-events", 3, 1234)), d.origin());
        assertEquals("account-events-3@1234", d.origin().orElseThrow().toString());
        assertEquals("not an account event: | missing eventId", d.reason());
        assertEquals("acc-42", d.keyText());
        assertEquals("account-events.dlq-0@7", d.position());
    }

    @Test
    void theOriginalHeadersAreEveryHeaderButTheDeadLetterOnesInOrder() {
        DeadLetterRecord d = deadLetter(7, "account-events", 3, 1234, "acc-42", "{}");
        assertEquals(List.of("ce_id", "ce_type"), d.originalHeaders().stream().map(Header::key).toList());
        assertArrayEquals("e-1234".getBytes(StandardCharsets.UTF_8), d.originalHeaders().getFirst().value());
    }

    @Test
    void withoutCompleteOriginHeadersThereIsNoOrigin() {
        DeadLetterRecord noPartition = new DeadLetterRecord("enforcement.dlq", 0, 1, Instant.EPOCH, null, new byte[0],
                List.of(header(DeadLetterHeaders.TOPIC, "enforcement.decided"), header(DeadLetterHeaders.OFFSET, "4")));
        assertTrue(noPartition.origin().isEmpty());
        DeadLetterRecord garbled = new DeadLetterRecord("enforcement.dlq", 0, 1, Instant.EPOCH, null, new byte[0],
                List.of(header(DeadLetterHeaders.TOPIC, "enforcement.decided"), header(DeadLetterHeaders.PARTITION, "x"),
                        header(DeadLetterHeaders.OFFSET, "4")));
        assertTrue(garbled.origin().isEmpty());
        assertEquals("(no reason given)", garbled.reason());
        assertNull(garbled.keyText());
    }

    @Test
    void keepsKeyValueAndHeadersAsTheBytesOnTheTopic() {
        byte[] value = {(byte) 0x3a, (byte) 0x29, (byte) 0x0a, (byte) 0x05, (byte) 0xfa, (byte) 0x80};
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", new byte[] {1, 2, 3});
        headers.add(DeadLetterHeaders.REASON, "bad".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("enforcement.dlq", 0, 9L, 1_700_000_000_000L, TimestampType.CREATE_TIME, 3, value.length,
                "enf-1".getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty());
        DeadLetterRecord d = DeadLetterRecord.of(record);
        assertArrayEquals(value, d.value());
        assertArrayEquals(new byte[] {1, 2, 3}, d.originalHeaders().getFirst().value());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), d.timestamp());
        assertEquals("(binary, 6 bytes)", d.valuePreview(100));
    }

    @Test
    void previewsTextOnOneLineCutToLength() {
        DeadLetterRecord d = deadLetter(1, "account-events", 0, 1, "k", "{\"eventId\":\"e-1\",\n  \"type\":\"FOLLOW\"}");
        assertEquals("{\"eventId\":\"e-1\", \"type\":\"FOLLOW\"}", d.valuePreview(200));
        assertTrue(d.valuePreview(5).startsWith("{\"eve…"), d.valuePreview(5));
        assertFalse(d.valuePreview(5).contains("\n"));
    }

    @Test
    void aRepublishedRecordIsTheOriginalOnItsPartition() {
        DeadLetterRecord d = deadLetter(7, "account-events", 3, 1234, "acc-42", "{\"x\":1}");
        ProducerRecord<byte[], byte[]> r = DeadLetterReplay.republished(d, 12);
        assertEquals("account-events", r.topic());
        assertEquals(3, r.partition());
        assertArrayEquals(d.key(), r.key());
        assertArrayEquals(d.value(), r.value());
        assertEquals(List.of("ce_id", "ce_type"), List.of(r.headers().toArray()).stream().map(Header::key).toList());
        assertNull(r.timestamp(), "the broker stamps the replay");
        // Should the topic have fewer partitions now, the key decides.
        assertNull(DeadLetterReplay.republished(d, 2).partition());
    }
}
