package dev.integrity.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.EventType;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * CloudEvents 1.0 in Kafka's binary mode: the headers {@code ce_specversion}, {@code ce_id},
 * {@code ce_type}, {@code ce_source} and {@code content-type} of a JSON record, and sending one.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    /** {@code ce_type} of an account event is this followed by its {@link EventType}. */
    public static final String ACCOUNT_EVENT_TYPE = "dev.integrity.account-event.";

    private CloudEvents() {
    }

    public static RecordHeaders headers(String id, String type, String source) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", utf8(SPEC_VERSION));
        headers.add("ce_id", utf8(id));
        headers.add("ce_type", utf8(type));
        headers.add("ce_source", utf8(source));
        headers.add("content-type", utf8("application/json"));
        return headers;
    }

    /** The headers of an account event as ingest publishes it (with its time as {@code ce_time}). */
    public static RecordHeaders accountEvent(String eventId, EventType type, Instant occurredAt) {
        RecordHeaders headers = headers(eventId, ACCOUNT_EVENT_TYPE + type.name(), "/ingest-service");
        headers.add("ce_time", utf8(occurredAt.toString()));
        return headers;
    }

    /**
     * Sends the payload as JSON on the emitter's channel, keyed, with these headers, in the given trace (the
     * record carries it on, as {@code traceparent}); completes once Kafka has the record.
     */
    public static Uni<Void> send(MutinyEmitter<byte[]> emitter, String key, Object payload, Headers headers, Context trace) {
        byte[] json;
        try {
            json = EventJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return emitter.sendMessage(Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(key).withHeaders(headers).build())
                .addMetadata(TracingMetadata.withCurrent(trace)));
    }

    /**
     * The account event type a record's {@code ce_type} names, read without parsing its value; null when
     * the header is missing or names no known type (a record from before the header, or another producer).
     */
    public static EventType accountEventType(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader("ce_type");
        if (header == null) {
            return null;
        }
        String type = new String(header.value(), StandardCharsets.UTF_8);
        if (!type.startsWith(ACCOUNT_EVENT_TYPE)) {
            return null;
        }
        try {
            return EventType.valueOf(type.substring(ACCOUNT_EVENT_TYPE.length()));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
