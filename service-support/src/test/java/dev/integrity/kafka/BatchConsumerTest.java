package dev.integrity.kafka;

import static dev.integrity.kafka.TestRecords.batch;
import static dev.integrity.kafka.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.integrity.kafka.TestRecords.RecordingRoute;
import dev.integrity.kafka.TestRecords.Sent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** A batch's way through a consumer: its size counted, its unusable records dead-lettered, then the work on the rest, once. */
class BatchConsumerTest {

    @Test
    void deadLettersTheUnusableThenWorksOnTheRest() {
        DistributionSummary sizes = DistributionSummary.builder("test.batch.size").register(new SimpleMeterRegistry());
        RecordingRoute deadLetters = new RecordingRoute();
        ConsumerRecord<String, byte[]> poison = record(1, "poison");
        List<String> work = new ArrayList<>();
        List<Throwable> retried = new ArrayList<>();

        new BatchConsumer<String>(TestRecords::readText, deadLetters, sizes).consume(batch(record(0, "a"), poison, record(2, "skip"), record(3, "b")),
                read -> {
                    work.add(read.values() + " after " + deadLetters.sent.size() + " dead letter");
                    return Uni.createFrom().voidItem();
                }, retried::add).await().atMost(Duration.ofSeconds(5));

        assertEquals(1, sizes.count());
        assertEquals(4.0, sizes.totalAmount(), "the whole batch's size");
        assertEquals(List.of(new Sent(poison, "poison is unusable")), deadLetters.sent);
        assertEquals(List.of("[a, b] after 1 dead letter"), work, "the work once, on the usable values, after the dead letter");
        assertEquals(List.of(), retried);
    }
}
