package dev.integrity.model;

import java.util.List;

/**
 * Names of the behaviour features. The scoring service computes them from an account's events at run
 * time; a labelled CSV may carry them as optional numeric columns of exactly these names. The model
 * uses each value as given (no transform), so a CSV column and the runtime value must mean the same.
 */
public final class BehaviourFeatures {

    /** Follows given in the last hour. */
    public static final String FOLLOWS_1H = "follows_1h";
    /** Follows given in the last 24 hours. */
    public static final String FOLLOWS_24H = "follows_24h";
    /** Likes given in the last 24 hours. */
    public static final String LIKES_24H = "likes_24h";
    /** Comments written in the last 24 hours. */
    public static final String COMMENTS_24H = "comments_24h";
    /** Share (0..1) of the last 24 hours' engagement performed through third-party apps. */
    public static final String THIRD_PARTY_SHARE_24H = "third_party_share_24h";
    /** Distinct accounts engaged with in the last 24 hours. */
    public static final String DISTINCT_TARGETS_24H = "distinct_targets_24h";
    /** Coefficient of variation (std / mean) of the gaps between consecutive actions; low = machine-regular. */
    public static final String INTERVAL_CV = "interval_cv";
    /** Most actions within any one minute. */
    public static final String MAX_BURST_1M = "max_burst_1m";
    /** Distinct IP addresses seen in the last 24 hours. */
    public static final String DISTINCT_IPS_24H = "distinct_ips_24h";
    /** Distinct device ids seen in the last 24 hours. */
    public static final String DISTINCT_DEVICES_24H = "distinct_devices_24h";
    /** Days since the account was created. */
    public static final String ACCOUNT_AGE_DAYS = "account_age_days";

    public static final List<String> ALL = List.of(FOLLOWS_1H, FOLLOWS_24H, LIKES_24H, COMMENTS_24H,
            THIRD_PARTY_SHARE_24H, DISTINCT_TARGETS_24H, INTERVAL_CV, MAX_BURST_1M, DISTINCT_IPS_24H,
            DISTINCT_DEVICES_24H, ACCOUNT_AGE_DAYS);

    public static boolean isBehaviourFeature(String name) {
        return ALL.contains(name);
    }

    private BehaviourFeatures() {
    }
}
