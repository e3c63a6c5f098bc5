package dev.integrity.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventValidator;

/** A Kafka batch of account-events read through the contract: the usable events, and the records that are not, with why. */
public record EventBatch(List<AccountEvent> events, List<Unusable> unusable) {

    /** A record that cannot be used, and the reason for its dead letter. */
    public record Unusable(ConsumerRecord<String, byte[]> record, String problem) {
    }

    /** One record's value read through the contract: the event, or why there is none. */
    public record Read(AccountEvent event, String problem) {
    }

    public static EventBatch read(ConsumerRecords<String, byte[]> records, EventValidator validator) {
        List<AccountEvent> events = new ArrayList<>(records.count());
        List<Unusable> unusable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Read read = read(record.value(), validator);
            if (read.event() != null) {
                events.add(read.event());
            } else {
                unusable.add(new Unusable(record, read.problem()));
            }
        }
        return new EventBatch(events, unusable);
    }

    /** Reads one record's value (also for a Kafka Streams processor, which sees records one at a time). */
    public static Read read(byte[] value, EventValidator validator) {
        if (value == null) {
            return new Read(null, "empty record");
        }
        EventValidator.Validation validation = validator.validate(value);
        return validation.isValid() ? new Read(validation.event(), null) : new Read(null, validation.problem());
    }
}
