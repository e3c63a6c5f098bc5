package dev.integrity.scoring.decision;

import java.time.Duration;

/**
 * The blast-radius guard's bounds (defaults and meaning: {@code ScoringConfig.Guard}).
 *
 * @param maxFollowerLossShare a receiver may lose at most this share of its followers within lossWindow
 * @param minFollowerLoss the share bound applies from this many lost followers on
 * @param lossWindow how long a receiver's losses add up
 * @param maxReceivers an enforcement touching more receiving accounts is held
 * @param window the breaker's rolling window
 * @param maxRemovalsPerWindow the breaker opens past this many removals in the window
 * @param maxRelativeRemovals or when removed follows pass this share of the touched receivers' followers
 * @param relativeMinFollows the relative bound only counts from this many removed follows on
 */
public record GuardSettings(double maxFollowerLossShare, int minFollowerLoss, Duration lossWindow, int maxReceivers,
        Duration window, long maxRemovalsPerWindow, double maxRelativeRemovals, long relativeMinFollows) {
}
