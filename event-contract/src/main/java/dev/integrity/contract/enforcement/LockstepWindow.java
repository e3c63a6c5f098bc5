package dev.integrity.contract.enforcement;

import java.time.Instant;

import dev.integrity.contract.EventType;

/**
 * A target the account engaged with in lockstep with its group, the window it happened in, and the
 * kind of action (FOLLOW or LIKE) it shared with the group: only that kind of engagement with the
 * target in the window is in scope. A window without a kind (written before windows had one)
 * covers every kind.
 */
public record LockstepWindow(String targetAccountId, Instant from, Instant to, EventType kind) {

    public LockstepWindow(String targetAccountId, Instant from, Instant to) {
        this(targetAccountId, from, to, null);
    }
}
