package dev.integrity.scoring.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The global blast-radius breaker: CLOSED lets enforcements through the per-enforcement checks, OPEN holds all. */
public record GuardState(Breaker state, String reason, Instant openedAt) {

    /** The breaker's two positions. */
    public enum Breaker {
        CLOSED, OPEN
    }

    public static final GuardState CLOSED = new GuardState(Breaker.CLOSED, null, null);

    @JsonIgnore
    public boolean isOpen() {
        return state == Breaker.OPEN;
    }
}
