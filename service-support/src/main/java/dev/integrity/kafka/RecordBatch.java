package dev.integrity.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** A Kafka batch read record by record: the usable values with their records, and the records that are not, with why. */
public record RecordBatch<T>(List<Usable<T>> usable, List<Unusable> unusable) {

    /** A record and what was read from it. */
    public record Usable<T>(ConsumerRecord<String, byte[]> record, T value) {
    }

    /** A record that cannot be used, and the reason for its dead letter. */
    public record Unusable(ConsumerRecord<String, byte[]> record, String problem) {
    }

    /** Reads each record; one the reader answers null for is in neither list. */
    public static <T> RecordBatch<T> read(ConsumerRecords<String, byte[]> records, RecordReader<T> reader) {
        List<Usable<T>> usable = new ArrayList<>(records.count());
        List<Unusable> unusable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                T value = reader.read(record.value());
                if (value != null) {
                    usable.add(new Usable<>(record, value));
                }
            } catch (UnusableRecordException e) {
                unusable.add(new Unusable(record, e.getMessage()));
            }
        }
        return new RecordBatch<>(usable, unusable);
    }

    /** The usable values, in the batch's order. */
    public List<T> values() {
        return usable.stream().map(Usable::value).toList();
    }
}
