package dev.integrity.contract.enforcement;

import java.time.Instant;

/** A target the account engaged with in lockstep with its group, and the window it happened in. */
public record LockstepWindow(String targetAccountId, Instant from, Instant to) {
}
