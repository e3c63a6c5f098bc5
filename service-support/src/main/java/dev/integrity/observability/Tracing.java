package dev.integrity.observability;

import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;

/** The service's tracer and the propagator that carries a trace context in HTTP and Kafka headers (W3C {@code traceparent}). */
@Singleton
public class Tracing {

    private final OpenTelemetry openTelemetry;

    public Tracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    public Tracer tracer() {
        return openTelemetry.getTracer("dev.integrity");
    }

    public TextMapPropagator propagator() {
        return openTelemetry.getPropagators().getTextMapPropagator();
    }
}
