package dev.integrity.kafka;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventValidator;

/** Account events read from their records through the contract (a batch of them with {@link RecordBatch#read}). */
public final class EventBatch {

    /** One record's value read through the contract: the event, or why there is none. */
    public record Read(AccountEvent event, String problem) {
    }

    private EventBatch() {
    }

    /** Reads one record's value (also for a Kafka Streams processor, which sees records one at a time). */
    public static Read read(byte[] value, EventValidator validator) {
        if (value == null) {
            return new Read(null, "empty record");
        }
        EventValidator.Validation validation = validator.validate(value);
        return validation.isValid() ? new Read(validation.event(), null) : new Read(null, validation.problem());
    }

    /** The reader of a consumer of account events: an invalid one is unusable, with the contract's reason. */
    public static RecordReader<AccountEvent> reader(EventValidator validator) {
        return value -> {
            Read read = read(value, validator);
            if (read.event() == null) {
                throw new UnusableRecordException(read.problem());
            }
            return read.event();
        };
    }
}
