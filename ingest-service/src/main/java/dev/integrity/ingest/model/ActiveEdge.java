package dev.integrity.ingest.model;

/** An active follow or like edge already in the ledger: its row id and who receives it. */
public record ActiveEdge(long id, String owner) {
}
