package dev.integrity.kafka;

import java.io.IOException;

import dev.integrity.contract.EventJson;

/** Reads a record's value into what a consumer works on: null when the record calls for no work, thrown when it is unusable. */
@FunctionalInterface
public interface RecordReader<T> {

    T read(byte[] value) throws UnusableRecordException;

    /**
     * A JSON value of the contract as the type: unusable when empty, unreadable or JSON {@code null}, each
     * told with {@code what} the record should have been (e.g. "enforcement outcome").
     */
    static <T> T json(byte[] value, Class<T> type, String what) throws UnusableRecordException {
        if (value == null || value.length == 0) {
            throw new UnusableRecordException("empty record");
        }
        T read;
        try {
            read = EventJson.mapper().readValue(value, type);
        } catch (IOException | RuntimeException e) {
            throw new UnusableRecordException("unreadable " + what + ": " + e.getMessage());
        }
        if (read == null) {
            throw new UnusableRecordException(what + " is JSON null");
        }
        return read;
    }
}
