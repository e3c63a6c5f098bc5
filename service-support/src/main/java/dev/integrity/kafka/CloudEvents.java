package dev.integrity.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import dev.integrity.contract.EventType;

/**
 * CloudEvents 1.0 in Kafka's binary mode: the headers {@code ce_specversion}, {@code ce_id},
 * {@code ce_type}, {@code ce_source} and {@code content-type} of a JSON record.
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
