package dev.integrity.kafka;

import static dev.integrity.kafka.TestRecords.record;
import static dev.integrity.kafka.TestRecords.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** A dead letter keeps the record (key, value, headers) and adds why, where from and which service gave up on it. */
class DeadLetterTest {

    /** An emitter that only remembers the messages sent through it. */
    @SuppressWarnings("unchecked")
    private static MutinyEmitter<byte[]> emitter(List<Message<?>> sent) {
        return (MutinyEmitter<byte[]>) Proxy.newProxyInstance(DeadLetterTest.class.getClassLoader(), new Class<?>[] { MutinyEmitter.class },
                (proxy, method, args) -> {
                    if (!method.getName().equals("sendMessage")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    sent.add((Message<?>) args[0]);
                    return Uni.createFrom().voidItem();
                });
    }

    /** The headers by key (each key once here), as text. */
    private static Map<String, String> text(Headers headers) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Header header : headers) {
            text.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private static OutgoingKafkaRecordMetadata<String> kafka(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
    }

    @Test
    void headersAreTheOriginalOnesPlusWhyWhereFromAndWho() {
        RecordHeaders original = new RecordHeaders();
        original.add("ce_id", utf8("e-1"));
        original.add("traceparent", utf8("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

        Headers headers = DeadLetter.headers(original, "unreadable event", "account-events", 3, 42L, "notify-service");

        assertEquals(Map.of("ce_id", "e-1", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "dead-letter-reason", "unreadable event", "dead-letter-topic", "account-events", "dead-letter-partition", "3",
                "dead-letter-offset", "42", "dead-letter-consumer", "notify-service"), text(headers));
        assertEquals(2, original.toArray().length, "the record's own headers are left as they were");
    }

    @Test
    void aDeadLetterKeepsTheRecordAndGoesToItsTopicsChannel() {
        List<Message<?>> accountEvents = new ArrayList<>();
        List<Message<?>> enforcement = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        DeadLetter deadLetter = new DeadLetter("notify-service", emitter(accountEvents), emitter(enforcement), counted::add);
        ConsumerRecord<String, byte[]> record = record(42, "{\"not\":\"an event\"}");
        record.headers().add("ce_id", utf8("e-1"));

        deadLetter.accountEvent(record, "unreadable event").await().atMost(Duration.ofSeconds(5));

        assertEquals(List.of(), enforcement);
        assertEquals(1, accountEvents.size());
        Message<?> letter = accountEvents.get(0);
        assertArrayEquals(record.value(), (byte[]) letter.getPayload());
        assertEquals("key-42", kafka(letter).getKey());
        assertEquals(Map.of("ce_id", "e-1", "dead-letter-reason", "unreadable event", "dead-letter-topic", TestRecords.TOPIC,
                "dead-letter-partition", "0", "dead-letter-offset", "42", "dead-letter-consumer", "notify-service"), text(kafka(letter).getHeaders()));
        assertEquals(List.of(TestRecords.TOPIC), counted, "counted by the topic it came from");
    }

    @Test
    void aRecordWithoutValueIsSentWithAnEmptyOne() {
        List<Message<?>> enforcement = new ArrayList<>();
        DeadLetter deadLetter = new DeadLetter("ingest-service", emitter(new ArrayList<>()), emitter(enforcement), topic -> { });

        deadLetter.enforcement(record(5, null), "empty record").await().atMost(Duration.ofSeconds(5));

        assertEquals(1, enforcement.size());
        assertArrayEquals(new byte[0], (byte[]) enforcement.get(0).getPayload());
        assertEquals("key-5", kafka(enforcement.get(0)).getKey());
        assertEquals("ingest-service", text(kafka(enforcement.get(0)).getHeaders()).get("dead-letter-consumer"));
    }
}
