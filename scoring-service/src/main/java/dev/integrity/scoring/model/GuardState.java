package dev.integrity.scoring.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The global blast-radius breaker: CLOSED lets enforcements through the per-enforcement checks, OPEN holds all. */
public record GuardState(String state, String reason, Instant openedAt) {

    public static final GuardState CLOSED = new GuardState("CLOSED", null, null);

    @JsonIgnore
    public boolean isOpen() {
        return "OPEN".equals(state);
    }
}
