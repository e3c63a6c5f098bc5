package dev.integrity.scoring.decision;

/**
 * The policy's thresholds (their defaults and meaning: {@code ScoringConfig.Policy}).
 *
 * @param minThirdPartyEngagement engagement through one third-party app in 24 h that counts as evidence
 * @param minThirdPartyShare share of the account's 24 h engagement that must come through third-party apps
 * @param highFollowsPerHour follows in an hour that corroborate third-party evidence
 * @param regularIntervalCv variation of the gaps between actions at or below which timing is machine-regular
 * @param minRepeatEngagement engagement through a flagged app after a warning that moves the ladder on
 */
public record PolicySettings(long minThirdPartyEngagement, double minThirdPartyShare, long highFollowsPerHour,
        double regularIntervalCv, long minRepeatEngagement) {
}
