package dev.integrity.observability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Writes each finished span as one JSON line to a file, appending: its trace and span ids, its parent,
 * name, kind, service, start and end (epoch nanoseconds), status and attributes. A batch is one write
 * of whole lines, so several processes may append to the same file. For checks and local debugging;
 * production sends spans by OTLP.
 */
public final class JsonLinesSpanExporter implements SpanExporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final Path file;
    private volatile boolean shutdown;

    public JsonLinesSpanExporter(Path file) {
        this.file = file;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (shutdown) {
            return CompletableResultCode.ofFailure();
        }
        try {
            StringBuilder lines = new StringBuilder(spans.size() * 512);
            for (SpanData span : spans) {
                lines.append(JSON.writeValueAsString(line(span))).append('\n');
            }
            write(lines.toString().getBytes(StandardCharsets.UTF_8));
            return CompletableResultCode.ofSuccess();
        } catch (IOException | UncheckedIOException e) {
            return CompletableResultCode.ofFailure();
        }
    }

    /** One span as the file holds it. */
    static Map<String, Object> line(SpanData span) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("traceId", span.getTraceId());
        line.put("spanId", span.getSpanId());
        line.put("parentSpanId", span.getParentSpanContext().isValid() ? span.getParentSpanId() : null);
        line.put("name", span.getName());
        line.put("kind", span.getKind().name());
        line.put("service", span.getResource().getAttribute(SERVICE_NAME));
        line.put("startEpochNanos", span.getStartEpochNanos());
        line.put("endEpochNanos", span.getEndEpochNanos());
        line.put("status", span.getStatus().getStatusCode().name());
        Map<String, Object> attributes = new LinkedHashMap<>();
        span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
        line.put("attributes", attributes);
        return line;
    }

    private synchronized void write(byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(bytes);
        }
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        shutdown = true;
        return CompletableResultCode.ofSuccess();
    }
}
