package dev.integrity.ingest.service;

import java.util.List;

import dev.integrity.ingest.model.RejectedEvent;

/** Every event of the request was rejected: answered 400 with the reasons. */
public class NoValidEventException extends RuntimeException {

    private final List<RejectedEvent> rejected;

    public NoValidEventException(List<RejectedEvent> rejected) {
        super("No valid event in the request: " + rejected.size() + " rejected.");
        this.rejected = rejected;
    }

    public List<RejectedEvent> rejected() {
        return rejected;
    }
}
