package dev.integrity.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * A trace context in a Kafka record's headers (W3C {@code traceparent}, {@code tracestate}), for the
 * producers and consumers that handle records themselves: the same headers SmallRye's Kafka
 * connector writes and reads, so a trace goes on across either.
 */
public final class TraceHeaders {

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private TraceHeaders() {
    }

    /** The trace context the headers carry, as a child of the root context (the root when they carry none). */
    public static Context extract(TextMapPropagator propagator, Headers headers) {
        return headers == null ? Context.root() : propagator.extract(Context.root(), headers, GETTER);
    }

    /** Writes the context into the headers (replacing any trace headers they had). */
    public static void inject(TextMapPropagator propagator, Context context, Headers headers) {
        propagator.inject(context, headers, SETTER);
    }
}
