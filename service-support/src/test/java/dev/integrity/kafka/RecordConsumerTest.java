package dev.integrity.kafka;

import static dev.integrity.kafka.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.integrity.kafka.TestRecords.RecordingRoute;
import dev.integrity.kafka.TestRecords.Sent;
import dev.integrity.observability.LogContext;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.mutiny.Uni;

/** One record's way through a consumer: dead-lettered when unusable or refused, skipped when it calls for no work, retried otherwise. */
class RecordConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final RecordingRoute deadLetters = new RecordingRoute();
    /** The values worked on, one entry per attempt. */
    private final List<String> attempts = new ArrayList<>();

    private RecordConsumer<String> consumer(Supplier<Predicate<Throwable>> permanent) {
        return new RecordConsumer<>(TestRecords::readText, deadLetters, TextMapPropagator.noop(), permanent);
    }

    /** Work on a value that fails with each given failure in turn, then succeeds. */
    private Function<String, RecordConsumer.Work> work(RuntimeException... failures) {
        return value -> new RecordConsumer.Work(LogContext.Ids.ofEvent("e-1", "acc-1"), "recording " + value, () -> {
            attempts.add(value);
            return attempts.size() <= failures.length ? Uni.createFrom().failure(failures[attempts.size() - 1]) : Uni.createFrom().voidItem();
        });
    }

    @Test
    void anUnusableRecordIsDeadLetteredWithTheReason() {
        ConsumerRecord<String, byte[]> poison = record(7, "poison");

        consumer(RecordConsumer.neverPermanent()).consume(poison, work()).await().atMost(PATIENCE);

        assertEquals(List.of(new Sent(poison, "poison is unusable")), deadLetters.sent);
        assertEquals(List.of(), attempts, "no work on it");
    }

    @Test
    void aRecordCallingForNoWorkIsPassedOver() {
        consumer(RecordConsumer.neverPermanent()).consume(record(7, "skip"), work()).await().atMost(PATIENCE);

        assertEquals(List.of(), deadLetters.sent);
        assertEquals(List.of(), attempts);
    }

    @Test
    void workIsRetriedAfterATransientFailure() {
        consumer(RecordConsumer.neverPermanent()).consume(record(7, "a"), work(new RuntimeException("connection refused")))
                .await().atMost(PATIENCE);

        assertEquals(List.of("a", "a"), attempts, "asked for again on the retry");
        assertEquals(List.of(), deadLetters.sent);
    }

    @Test
    void workThatFailsPermanentlyIsDeadLettered() {
        ConsumerRecord<String, byte[]> refused = record(7, "a");
        AtomicInteger predicates = new AtomicInteger();
        Supplier<Predicate<Throwable>> permanent = () -> {
            predicates.incrementAndGet();
            return failure -> true;
        };

        consumer(permanent).consume(refused, work(new RuntimeException("duplicate key"))).await().atMost(PATIENCE);

        assertEquals(List.of("a"), attempts, "not retried");
        assertEquals(List.of(new Sent(refused, "recording a rejected by the database: duplicate key")), deadLetters.sent);
        assertEquals(1, predicates.get(), "a fresh test for the record");
    }
}
