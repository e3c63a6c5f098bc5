package dev.integrity.notify.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.integrity.notify.service.NotificationMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Moves a record this service cannot use to its dead-letter topic, with the error, where it came
 * from and which consumer gave up on it in headers, so that its partition keeps flowing.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** Names this service as the consumer that dead-lettered a record (other services read the same topics). */
    static final String CONSUMER = "notify-service";

    private final MutinyEmitter<byte[]> enforcementDlq;
    private final MutinyEmitter<byte[]> eventsDlq;
    private final NotificationMetrics metrics;

    public DeadLetters(@Channel("enforcement-dlq") MutinyEmitter<byte[]> enforcementDlq,
            @Channel("account-events-dlq") MutinyEmitter<byte[]> eventsDlq, NotificationMetrics metrics) {
        this.enforcementDlq = enforcementDlq;
        this.eventsDlq = eventsDlq;
        this.metrics = metrics;
    }

    public Uni<Void> outcome(ConsumerRecord<String, byte[]> record, String error) {
        return send(enforcementDlq, record, error);
    }

    /**
     * An appeal decision is part of the enforcement exchange: it goes to the same dead-letter topic
     * as outcomes, told apart by its {@code dead-letter-topic} header.
     */
    public Uni<Void> appealDecision(ConsumerRecord<String, byte[]> record, String error) {
        return send(enforcementDlq, record, error);
    }

    public Uni<Void> event(ConsumerRecord<String, byte[]> record, String error) {
        return send(eventsDlq, record, error);
    }

    private Uni<Void> send(MutinyEmitter<byte[]> emitter, ConsumerRecord<String, byte[]> record, String error) {
        LOG.warnf("dead letter from %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(), record.key(), error);
        metrics.deadLetter(record.topic());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", utf8(error));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", utf8(String.valueOf(record.offset())));
        headers.add("dead-letter-consumer", utf8(CONSUMER));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(record.key()).withHeaders(headers).build();
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        return emitter.sendMessage(Message.of(payload).addMetadata(metadata));
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
