package dev.integrity.simulator.api;

import java.time.Instant;

/** {@code GET /api/v1/guard}: the blast-radius breaker. */
public record GuardView(String state, String reason, Instant openedAt) {
}
