package dev.integrity.kafka;

import static dev.integrity.kafka.TestRecords.batch;
import static dev.integrity.kafka.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A batch read record by record: usable ones with their values, unusable ones with the reader's reason, the rest in neither. */
class RecordBatchTest {

    @Test
    void sortsEachRecordInTheBatchsOrder() {
        ConsumerRecord<String, byte[]> first = record(0, "a");
        ConsumerRecord<String, byte[]> poison = record(1, "poison-1");
        ConsumerRecord<String, byte[]> skipped = record(2, "skip");
        ConsumerRecord<String, byte[]> second = record(3, "b");
        ConsumerRecord<String, byte[]> poison2 = record(4, "poison-2");

        RecordBatch<String> read = RecordBatch.read(batch(first, poison, skipped, second, poison2), TestRecords::readText);

        assertEquals(List.of("a", "b"), read.values());
        assertEquals(2, read.usable().size());
        assertSame(first, read.usable().get(0).record());
        assertSame(second, read.usable().get(1).record());
        assertEquals(List.of(new RecordBatch.Unusable(poison, "poison-1 is unusable"), new RecordBatch.Unusable(poison2, "poison-2 is unusable")),
                read.unusable(), "with the reader's reason, in order");
    }

    @Test
    void anEmptyBatchHasNeither() {
        RecordBatch<String> read = RecordBatch.read(batch(), TestRecords::readText);
        assertEquals(List.of(), read.usable());
        assertEquals(List.of(), read.unusable());
    }
}
