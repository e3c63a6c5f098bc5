package dev.integrity.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import dev.integrity.ingest.service.IngestMetrics;
import dev.integrity.kafka.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Moves a record no consumer can process to its dead-letter topic, so that its partition keeps flowing. */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> eventsDlq;
    private final MutinyEmitter<byte[]> enforcementDlq;
    private final IngestMetrics metrics;

    public DeadLetters(@Channel("account-events-dlq") MutinyEmitter<byte[]> eventsDlq,
            @Channel("enforcement-dlq") MutinyEmitter<byte[]> enforcementDlq, IngestMetrics metrics) {
        this.eventsDlq = eventsDlq;
        this.enforcementDlq = enforcementDlq;
        this.metrics = metrics;
    }

    public Uni<Void> event(ConsumerRecord<String, byte[]> record, String error) {
        return send(eventsDlq, record, error);
    }

    public Uni<Void> enforcement(ConsumerRecord<String, byte[]> record, String error) {
        return send(enforcementDlq, record, error);
    }

    private Uni<Void> send(MutinyEmitter<byte[]> emitter, ConsumerRecord<String, byte[]> record, String error) {
        LOG.warnf("dead letter from %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(), record.key(), error);
        metrics.deadLetter(record.topic());
        return emitter.sendMessage(DeadLetter.of(record, error));
    }
}
