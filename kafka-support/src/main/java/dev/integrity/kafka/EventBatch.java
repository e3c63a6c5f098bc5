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

    public static EventBatch read(ConsumerRecords<String, byte[]> records, EventValidator validator) {
        List<AccountEvent> events = new ArrayList<>(records.count());
        List<Unusable> unusable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                unusable.add(new Unusable(record, "empty record"));
                continue;
            }
            EventValidator.Validation validation = validator.validate(record.value());
            if (validation.isValid()) {
                events.add(validation.event());
            } else {
                unusable.add(new Unusable(record, validation.problem()));
            }
        }
        return new EventBatch(events, unusable);
    }
}
