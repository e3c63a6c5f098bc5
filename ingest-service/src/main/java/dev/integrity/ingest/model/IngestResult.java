package dev.integrity.ingest.model;

import java.util.List;

/** The answer to POST /events: what was accepted (durably in Kafka), what was a duplicate, what was rejected. */
public record IngestResult(int accepted, int duplicates, List<RejectedEvent> rejected) {
}
