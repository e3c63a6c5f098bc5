package dev.integrity.scoring.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Moves a record no consumer can process to its dead-letter topic with the error, so the partition keeps flowing. */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> eventsDlq;
    private final MutinyEmitter<byte[]> enforcementDlq;
    private final MeterRegistry registry;

    public DeadLetters(@Channel("account-events-dlq") MutinyEmitter<byte[]> eventsDlq,
            @Channel("enforcement-dlq") MutinyEmitter<byte[]> enforcementDlq, MeterRegistry registry) {
        this.eventsDlq = eventsDlq;
        this.enforcementDlq = enforcementDlq;
        this.registry = registry;
    }

    public Uni<Void> send(ConsumerRecord<String, byte[]> record, String error) {
        LOG.warnf("dead letter from %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(), record.key(), error);
        registry.counter("scoring.dead.letters", "topic", record.topic()).increment();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", utf8(error));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", utf8(String.valueOf(record.offset())));
        MutinyEmitter<byte[]> emitter = record.topic().startsWith("enforcement") ? enforcementDlq : eventsDlq;
        return emitter.sendMessage(Message.of(record.value() == null ? new byte[0] : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(record.key()).withHeaders(headers).build()));
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
