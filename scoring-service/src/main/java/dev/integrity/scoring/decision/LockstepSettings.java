package dev.integrity.scoring.decision;

import java.time.Duration;

/**
 * Lockstep detection's parameters (defaults and meaning: {@code ScoringConfig.Lockstep} and
 * {@code docs/lockstep.md}).
 *
 * @param window the length of a time window; buckets are (action kind, target, window)
 * @param minCrowd accounts in one bucket that make it crowded, i.e. worth looking at
 * @param maxCrowd a bucket past this is ignored entirely (a trend, and too costly to pair)
 * @param flashCrowd a bucket larger than this weighs flashCrowd / size: hundreds of accounts on one
 *        target at once are far more likely a real-world moment than one farm
 * @param minSharedTargets weighted distinct targets two accounts must share to be in lockstep
 * @param minLockstepShare the share of an account's own engagement, in the windows it shares with
 *        the group, that must be lockstep engagement for it to be a member
 * @param minGroupSize smallest group that is acted on
 */
public record LockstepSettings(Duration window, int minCrowd, int maxCrowd, int flashCrowd, double minSharedTargets,
        double minLockstepShare, int minGroupSize) {
}
