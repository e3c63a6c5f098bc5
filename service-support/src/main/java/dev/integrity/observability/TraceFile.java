package dev.integrity.observability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.quarkus.arc.Unremovable;

/**
 * Finished spans to a file of JSON lines ({@link JsonLinesSpanExporter}) when
 * {@code integrity.tracing.file} names one (environment: {@code INTEGRITY_TRACING_FILE}); nothing
 * otherwise. A span processor beside whatever exporter is configured: Quarkus adds every
 * {@link SpanProcessor} bean to its tracer provider, so OTLP export, when configured, goes on.
 */
@Singleton
@Unremovable
public class TraceFile implements SpanProcessor {

    private static final Logger LOG = Logger.getLogger(TraceFile.class);

    private final SpanProcessor delegate;

    public TraceFile(@ConfigProperty(name = "integrity.tracing.file") Optional<String> file) {
        if (file.isPresent() && !file.get().isBlank()) {
            Path path = Path.of(file.get().trim());
            this.delegate = BatchSpanProcessor.builder(new JsonLinesSpanExporter(path)).setScheduleDelay(Duration.ofMillis(500)).build();
            LOG.infof("finished spans are written to %s", path.toAbsolutePath());
        } else {
            this.delegate = null;
        }
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (delegate != null) {
            delegate.onStart(parentContext, span);
        }
    }

    @Override
    public boolean isStartRequired() {
        return delegate != null && delegate.isStartRequired();
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (delegate != null) {
            delegate.onEnd(span);
        }
    }

    @Override
    public boolean isEndRequired() {
        return delegate != null;
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate == null ? CompletableResultCode.ofSuccess() : delegate.shutdown();
    }

    @Override
    public CompletableResultCode forceFlush() {
        return delegate == null ? CompletableResultCode.ofSuccess() : delegate.forceFlush();
    }
}
