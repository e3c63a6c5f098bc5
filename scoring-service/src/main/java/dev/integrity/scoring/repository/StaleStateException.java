package dev.integrity.scoring.repository;

/** Account states were derived from rows another writer has changed since: redo the work on fresh state. */
public class StaleStateException extends RuntimeException {

    public StaleStateException(int stale) {
        super(stale + " account state(s) changed since they were read; the work is redone on fresh state");
    }
}
