package dev.integrity.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 in Kafka's binary mode: the headers {@code ce_specversion}, {@code ce_id},
 * {@code ce_type}, {@code ce_source} and {@code content-type} of a JSON record.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";

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

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
