package dev.integrity.ingest.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventJson;
import dev.integrity.ingest.config.IngestConfig;
import dev.integrity.ingest.service.IngestMetrics;
import dev.integrity.kafka.CloudEvents;
import dev.integrity.kafka.TraceHeaders;
import dev.integrity.observability.Tracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Publishes accepted events to {@code account-events}, keyed by accountId, with an idempotent
 * {@code acks=all} producer. The producer batches on its own (linger); a whole request is sent
 * at once and answered when the broker acknowledged every record.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Counter published;
    private final Counter failed;
    private final DistributionSummary batchSizes;
    private final Tracing tracing;

    public EventPublisher(IngestConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            IngestMetrics metrics, Tracing tracing) {
        int deliveryTimeoutMs = config.producer().deliveryTimeoutMs();
        this.topic = config.eventsTopic();
        this.tracing = tracing;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-publisher");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5000, deliveryTimeoutMs - 10));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.published = metrics.published();
        this.failed = metrics.publishFailed();
        this.batchSizes = metrics.publishBatchSize();
    }

    /**
     * Sends every event and completes once each has an outcome. Answers the events that Kafka
     * did NOT acknowledge (empty when all are durably in the topic). Runs on a worker thread:
     * send() blocks for up to max.block.ms while the broker is unreachable or the buffer is full,
     * and once one send is refused the rest are not tried (they would wait just as long).
     * One producer span covers the request's records, each of which carries its context
     * ({@code traceparent}), so the consumers continue the request's trace.
     */
    public Uni<List<AccountEvent>> publish(List<AccountEvent> events) {
        Span span = tracing.tracer().spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.batch.message_count", (long) events.size()).startSpan();
        // Every record carries the same context: its headers are made once for the request.
        RecordHeaders trace = new RecordHeaders();
        TraceHeaders.inject(tracing.propagator(), Context.current().with(span), trace);
        Header[] traceHeaders = trace.toArray();
        return Uni.createFrom().item(() -> sendAll(events, traceHeaders))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(outcomes -> Uni.createFrom().completionStage(CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)))
                        .map(ignored -> unacknowledged(events.size(), outcomes)))
                .onItemOrFailure().invoke((failures, error) -> {
                    if (error != null || !failures.isEmpty()) {
                        span.setStatus(StatusCode.ERROR, error != null ? error.getMessage() : failures.size() + " events not acknowledged");
                    }
                    span.end();
                });
    }

    private List<CompletableFuture<AccountEvent>> sendAll(List<AccountEvent> events, Header[] traceHeaders) {
        batchSizes.record(events.size());
        List<CompletableFuture<AccountEvent>> outcomes = new ArrayList<>(events.size());
        boolean refused = false;
        for (AccountEvent event : events) {
            CompletableFuture<AccountEvent> outcome = new CompletableFuture<>();
            outcomes.add(outcome);
            if (refused) {
                outcome.complete(event);
                continue;
            }
            try {
                producer.send(record(event, traceHeaders), (metadata, error) -> outcome.complete(error == null ? null : event));
                // A send that failed before reaching the buffer (no metadata within max.block.ms)
                // has already called back: the broker is unreachable, so stop here.
                refused = outcome.isDone() && outcome.join() != null;
            } catch (RuntimeException e) {
                refused = true;
                outcome.complete(event);
            }
        }
        return outcomes;
    }

    private List<AccountEvent> unacknowledged(int sent, List<CompletableFuture<AccountEvent>> outcomes) {
        List<AccountEvent> failures = outcomes.stream().map(CompletableFuture::join).filter(e -> e != null).toList();
        published.increment(sent - failures.size());
        failed.increment(failures.size());
        return failures;
    }

    private ProducerRecord<String, byte[]> record(AccountEvent event, Header[] traceHeaders) {
        RecordHeaders headers = CloudEvents.accountEvent(event.eventId(), event.type(), event.occurredAt());
        for (Header header : traceHeaders) {
            headers.add(header);
        }
        return new ProducerRecord<>(topic, null, event.accountId(), EventJson.toBytes(event), headers);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
