package dev.integrity.scoring.model;

import java.time.Instant;

import dev.integrity.contract.AccountEvent;

/**
 * What scoring's feature store hands its decider for one account, on {@code scoring.features}: the
 * account's features just after an event was recorded (or when a lockstep group reached back to it),
 * derived with windows anchored at the account's latest event time.
 *
 * @param event the event just recorded, or null when the snapshot answers a lockstep reach-back
 * @param fresh the event was new to the store (a redelivered or repeated eventId is not)
 * @param latest the account's latest event time: the windows' anchor
 * @param hit the lockstep hit that asked for this snapshot, or null
 */
public record FeatureSnapshot(String accountId, AccountEvent event, boolean fresh, Instant latest, AccountFeatures features, LockstepHit hit) {
}
