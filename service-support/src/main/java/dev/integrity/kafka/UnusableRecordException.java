package dev.integrity.kafka;

/** A record that can never be processed (unreadable, or breaking the contract): it goes to the dead-letter topic. */
public class UnusableRecordException extends Exception {

    public UnusableRecordException(String reason) {
        super(reason, null, false, false);
    }
}
