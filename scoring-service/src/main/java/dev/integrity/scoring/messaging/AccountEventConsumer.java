package dev.integrity.scoring.messaging;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.integrity.kafka.BatchConsumer;
import dev.integrity.kafka.DeadLetter;
import dev.integrity.kafka.RecordBatch;
import dev.integrity.kafka.TraceHeaders;
import dev.integrity.kafka.UnusableRecordException;
import dev.integrity.observability.Tracing;
import dev.integrity.scoring.model.FeatureSnapshot;
import dev.integrity.scoring.repository.StaleStateException;
import dev.integrity.scoring.service.ScoringPipeline;
import dev.integrity.scoring.stream.InternalFormat;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;

/**
 * Decides on the feature store's snapshots ({@code scoring.features}, see
 * {@link dev.integrity.scoring.stream.FeatureTopology}) a Kafka batch at a time, partitioned by
 * account so that replicas in the consumer group share the work. Only committed snapshots are read
 * (the store writes them in transactions). Offsets are committed after the batch is processed; an
 * outage of Redis or PostgreSQL is retried, an unusable record goes to the dead-letter topic.
 */
@ApplicationScoped
public class AccountEventConsumer {

    private static final Logger LOG = Logger.getLogger(AccountEventConsumer.class);

    private final ScoringPipeline pipeline;
    private final BatchConsumer<FeatureSnapshot> batches;
    private final Timer decisionLatency;
    private final Tracing tracing;
    private final Clock clock;

    public AccountEventConsumer(ScoringPipeline pipeline, DeadLetter deadLetter, MeterRegistry registry, Tracing tracing,
            Clock clock) {
        this.pipeline = pipeline;
        this.tracing = tracing;
        this.clock = clock;
        DistributionSummary batchSizes = DistributionSummary.builder("scoring.batch.size").description("Records per scoring batch").register(registry);
        this.batches = new BatchConsumer<>(AccountEventConsumer::read, deadLetter::accountEvent, batchSizes);
        this.decisionLatency = Timer.builder("scoring.decision.latency")
                .description("From the event's acceptance (its Kafka timestamp, set by ingest) to scoring's decision on it")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    @Incoming("feature-snapshots")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        List<Span> decisions = new ArrayList<>();
        return batches.consume(records, batch -> {
            // Each account's decision continues the trace of its latest event (the snapshot carries its headers):
            // read from the end, so that only each account's latest record's headers are parsed.
            Map<String, Context> traces = new HashMap<>();
            List<RecordBatch.Usable<FeatureSnapshot>> usable = batch.usable();
            for (int i = usable.size() - 1; i >= 0; i--) {
                ConsumerRecord<String, byte[]> record = usable.get(i).record();
                traces.computeIfAbsent(usable.get(i).value().accountId(), account -> TraceHeaders.extract(tracing.propagator(), record.headers()));
            }
            decisions.addAll(decisionSpans(traces));
            return pipeline.process(batch.values(), traces).replaceWithVoid();
        }, e -> {
            if (e instanceof StaleStateException) {
                LOG.debugf("scoring batch of %d records redone: %s", records.count(), e.getMessage());
            } else {
                LOG.warnf(e, "scoring batch of %d records failed, retrying", records.count());
            }
        }).invoke(() -> {
            long now = clock.millis();
            for (ConsumerRecord<String, byte[]> record : records) {
                decisionLatency.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
            }
        }).onTermination().invoke(() -> decisions.forEach(Span::end));
    }

    private static FeatureSnapshot read(byte[] value) throws UnusableRecordException {
        FeatureSnapshot snapshot;
        try {
            snapshot = InternalFormat.mapper().readValue(value, FeatureSnapshot.class);
        } catch (IOException | RuntimeException e) {
            throw new UnusableRecordException("not a feature snapshot: " + e.getMessage());
        }
        if (snapshot == null) {
            throw new UnusableRecordException("not a feature snapshot: null");
        }
        return snapshot;
    }

    /**
     * A span for each account's decision, in the trace of its latest event; the account's trace context
     * becomes the decision's, so that the commands it sends are its children.
     */
    private List<Span> decisionSpans(Map<String, Context> traces) {
        List<Span> spans = new ArrayList<>();
        for (Map.Entry<String, Context> trace : traces.entrySet()) {
            if (!Span.fromContext(trace.getValue()).getSpanContext().isValid()) {
                continue;
            }
            Span span = tracing.tracer().spanBuilder("scoring decide").setParent(trace.getValue()).setSpanKind(SpanKind.INTERNAL)
                    .setAttribute("integrity.account_id", trace.getKey()).startSpan();
            spans.add(span);
            trace.setValue(trace.getValue().with(span));
        }
        return spans;
    }
}
