package dev.integrity.scoring.model;

import java.time.Instant;

/** The global blast-radius breaker: CLOSED lets enforcements through the per-enforcement checks, OPEN holds all. */
public record GuardState(String state, String reason, Instant openedAt) {

    public static final GuardState CLOSED = new GuardState("CLOSED", null, null);

    public boolean isOpen() {
        return "OPEN".equals(state);
    }
}
