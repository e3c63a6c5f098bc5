package dev.integrity.kafka;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.integrity.contract.DeadLetterHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Moves a record a consumer cannot process to its dead-letter topic, so that its partition keeps flowing:
 * same key, value and headers, plus the error, where the record came from and which service gave up on it
 * ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}, {@code -consumer}).
 * Each dead letter is logged, counted by the topic it came from, and sent however long Kafka takes.
 * <p>
 * A plain class, not a bean: each Kafka service makes its own from its dead-letter channels (a bean here
 * would be discovered by the gateway too, which has none).
 */
public final class DeadLetter {

    /** Where a consumer sends a record it gives up on. */
    @FunctionalInterface
    public interface Route {
        Uni<Void> send(ConsumerRecord<String, byte[]> record, String error);
    }

    private static final Logger LOG = Logger.getLogger(DeadLetter.class);

    private final String service;
    private final MutinyEmitter<byte[]> accountEventsDlq;
    private final MutinyEmitter<byte[]> enforcementDlq;
    private final Consumer<String> counter;

    /**
     * @param service          names the consumer in {@code dead-letter-consumer} (several services read the same topics)
     * @param accountEventsDlq the {@code account-events.dlq} channel
     * @param enforcementDlq   the {@code enforcement.dlq} channel
     * @param counter          counts a dead letter by the topic it came from
     */
    public DeadLetter(String service, MutinyEmitter<byte[]> accountEventsDlq, MutinyEmitter<byte[]> enforcementDlq, Consumer<String> counter) {
        this.service = service;
        this.accountEventsDlq = accountEventsDlq;
        this.enforcementDlq = enforcementDlq;
        this.counter = counter;
    }

    /** A record of account-events, or of a topic made from them (scoring's feature snapshots). */
    public Uni<Void> accountEvent(ConsumerRecord<String, byte[]> record, String error) {
        return send(accountEventsDlq, record, error);
    }

    /**
     * A record of the enforcement exchange: commands, reports, outcomes and appeal decisions share one
     * dead-letter topic, told apart by their {@code dead-letter-topic} header.
     */
    public Uni<Void> enforcement(ConsumerRecord<String, byte[]> record, String error) {
        return send(enforcementDlq, record, error);
    }

    /**
     * The record's own headers plus the error, where it came from and the service that gave up on it (also
     * for a Kafka Streams processor's dead letters, so that every dead letter carries the same headers).
     */
    public static Headers headers(Headers original, String error, String topic, int partition, long offset, String consumer) {
        RecordHeaders headers = new RecordHeaders(original.toArray());
        headers.add(DeadLetterHeaders.REASON, utf8(error));
        headers.add(DeadLetterHeaders.TOPIC, utf8(topic));
        headers.add(DeadLetterHeaders.PARTITION, utf8(String.valueOf(partition)));
        headers.add(DeadLetterHeaders.OFFSET, utf8(String.valueOf(offset)));
        headers.add(DeadLetterHeaders.CONSUMER, utf8(consumer));
        return headers;
    }

    private Uni<Void> send(MutinyEmitter<byte[]> emitter, ConsumerRecord<String, byte[]> record, String error) {
        return Uni.createFrom().deferred(() -> {
            LOG.warnf("dead letter from %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(), record.key(), error);
            counter.accept(record.topic());
            Headers headers = headers(record.headers(), error, record.topic(), record.partition(), record.offset(), service);
            Message<byte[]> letter = Message.of(record.value() == null ? new byte[0] : record.value())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(record.key()).withHeaders(headers).build());
            return Retries.untilDone(Uni.createFrom().deferred(() -> emitter.sendMessage(letter)),
                    e -> LOG.warnf("dead letter not sent, retrying: %s", e.toString()));
        });
    }

    private static byte[] utf8(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
