package dev.integrity.observability;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * The ids a log line carries while one piece of work runs: the trace and span ids of its trace
 * context, and the {@code eventId}, {@code enforcementId} and {@code accountId} it is about, in the
 * logging MDC (the services' log format prints {@code %X}; the JSON format prints every MDC entry).
 * Set when the work is subscribed and restored when it ends; the trace context is current for as
 * long, so what the work sends to Kafka continues the same trace. In Quarkus the MDC and the current
 * trace context live on the Vert.x duplicated context of the message or request, so they follow the
 * work across its asynchronous steps and never leak into another message's lines.
 */
public final class LogContext {

    /**
     * The ids a piece of work is about, each logged under its own name as MDC key ({@code eventId},
     * {@code enforcementId}, {@code accountId}); a null one is left out. Typed, so that a caller cannot
     * pair a key with the wrong value.
     */
    public record Ids(String eventId, String enforcementId, String accountId) {

        public static Ids ofEvent(String eventId, String accountId) {
            return new Ids(eventId, null, accountId);
        }

        public static Ids ofEnforcement(String enforcementId, String accountId) {
            return new Ids(null, enforcementId, accountId);
        }

        /** The MDC entries, by key. */
        Map<String, String> entries() {
            Map<String, String> entries = new LinkedHashMap<>();
            putPresent(entries, "eventId", eventId);
            putPresent(entries, "enforcementId", enforcementId);
            putPresent(entries, "accountId", accountId);
            return entries;
        }

        private static void putPresent(Map<String, String> entries, String key, String value) {
            if (value != null) {
                entries.put(key, value);
            }
        }
    }

    private LogContext() {
    }

    /** The work with these ids in the MDC, in the current trace context. */
    public static <T> Uni<T> around(Ids ids, Supplier<Uni<T>> work) {
        return around(null, ids, work);
    }

    /**
     * The work with {@code trace} as the current trace context (null: the current one stays) and these
     * ids, plus the trace's own, in the MDC; both restored when the work ends, however it ends.
     */
    public static <T> Uni<T> around(Context trace, Ids ids, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Scope scope = trace == null ? Scope.noop() : trace.makeCurrent();
            Map<String, String> entries = ids.entries();
            SpanContext span = Span.fromContext(trace == null ? Context.current() : trace).getSpanContext();
            if (span.isValid()) {
                entries.put("traceId", span.getTraceId());
                entries.put("spanId", span.getSpanId());
            }
            Map<String, Object> previous = put(entries);
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                restore(previous);
                scope.close();
                throw e;
            }
            return running.onTermination().invoke(() -> {
                restore(previous);
                scope.close();
            });
        });
    }

    private static Map<String, Object> put(Map<String, String> entries) {
        Map<String, Object> previous = new HashMap<>();
        entries.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        });
        return previous;
    }

    private static void restore(Map<String, Object> previous) {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
