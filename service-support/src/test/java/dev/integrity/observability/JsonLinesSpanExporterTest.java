package dev.integrity.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** Finished spans become JSON lines with their trace, parent, service and attributes, appended to the file. */
class JsonLinesSpanExporterTest {

    @Test
    void eachFinishedSpanIsOneJsonLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("traces/spans.jsonl");
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "ingest-service")))
                .addSpanProcessor(SimpleSpanProcessor.create(new JsonLinesSpanExporter(file))).build()) {
            Tracer tracer = provider.get("test");
            Span parent = tracer.spanBuilder("POST /events").setSpanKind(SpanKind.SERVER).startSpan();
            try (Scope ignored = parent.makeCurrent()) {
                tracer.spanBuilder("account-events publish").setSpanKind(SpanKind.PRODUCER).setAttribute("messaging.batch.message_count", 3L)
                        .startSpan().end();
            }
            parent.end();
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode child = json.readTree(lines.get(0));
        JsonNode parent = json.readTree(lines.get(1));
        assertEquals("account-events publish", child.get("name").asText());
        assertEquals("PRODUCER", child.get("kind").asText());
        assertEquals("ingest-service", child.get("service").asText());
        assertEquals(parent.get("traceId").asText(), child.get("traceId").asText());
        assertEquals(parent.get("spanId").asText(), child.get("parentSpanId").asText());
        assertTrue(parent.get("parentSpanId").isNull());
        assertEquals(3, child.get("attributes").get("messaging.batch.message_count").asInt());
        assertTrue(child.get("endEpochNanos").asLong() >= child.get("startEpochNanos").asLong());
    }
}
