package dev.integrity.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/** A trace context written into a record's headers is read back the same, and replaces an older one. */
class TraceHeadersTest {

    @Test
    void aContextGoesThroughRecordHeaders() {
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
        RecordHeaders headers = CloudEvents.headers("e-1", "t", "/s");
        headers.add("traceparent", "00-00000000000000000000000000000001-0000000000000001-01".getBytes(StandardCharsets.UTF_8));
        TraceHeaders.inject(W3CTraceContextPropagator.getInstance(), Context.root().with(Span.wrap(span)), headers);

        assertEquals(1, headers.toArray().length - 5, "one traceparent, the older one replaced");
        SpanContext read = Span.fromContext(TraceHeaders.extract(W3CTraceContextPropagator.getInstance(), headers)).getSpanContext();
        assertEquals(span.getTraceId(), read.getTraceId());
        assertEquals(span.getSpanId(), read.getSpanId());
        assertFalse(Span.fromContext(TraceHeaders.extract(W3CTraceContextPropagator.getInstance(), new RecordHeaders())).getSpanContext().isValid());
    }
}
