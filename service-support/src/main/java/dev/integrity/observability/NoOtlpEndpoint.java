package dev.integrity.observability;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * The exporter while no OTLP endpoint is configured: it drops spans. Quarkus installs its own OTLP
 * exporter only when no {@link SpanExporter} bean can be looked up, and that exporter would otherwise
 * send to its default endpoint ({@code localhost:4317}) and log a failure every few seconds. So this
 * bean can be looked up exactly while {@code integrity.tracing.otlp-endpoint} is {@code none} (each
 * service sets it from {@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code none} when that is unset). Spans are
 * still made, so trace ids reach log lines and Kafka headers, and {@link TraceFile} still sees them.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = NoOtlpEndpoint.ENDPOINT, stringValue = NoOtlpEndpoint.NONE, lookupIfMissing = true)
public class NoOtlpEndpoint implements SpanExporter {

    public static final String ENDPOINT = "integrity.tracing.otlp-endpoint";
    public static final String NONE = "none";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
