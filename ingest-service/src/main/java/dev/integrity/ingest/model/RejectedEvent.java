package dev.integrity.ingest.model;

import java.util.List;

import dev.integrity.contract.FieldError;

/** An event of a batch that was not accepted, with every reason. */
public record RejectedEvent(int index, String eventId, List<FieldError> errors) {
}
