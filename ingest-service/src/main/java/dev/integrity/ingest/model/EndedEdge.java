package dev.integrity.ingest.model;

import java.time.Instant;

/** An existing edge ended by an UNFOLLOW / UNLIKE of this batch. */
public record EndedEdge(long id, Instant endedAt) {
}
