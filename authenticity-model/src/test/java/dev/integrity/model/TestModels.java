package dev.integrity.model;

import java.time.Instant;
import java.util.List;

/** Small hand-made models for tests. */
final class TestModels {

    private TestModels() {
    }

    /** Two features: a = log_followers (mean 5, std 2, weight -1), b = follows_24h (mean 10, std 5, weight 2). */
    static AuthenticityModel twoFeatures(double threshold) {
        return new AuthenticityModel(AuthenticityModel.FORMAT, "m-test", Instant.parse("2026-01-01T00:00:00Z"),
                "tribuo test", "hand-made", List.of("followerCount", "follows_24h"),
                List.of(new ModelFeature(FeatureSet.LOG_FOLLOWERS, "ln(1 + followerCount)", 5, 2, -1),
                        new ModelFeature(BehaviourFeatures.FOLLOWS_24H, "as given", 10, 5, 2)),
                -0.5, threshold, null, null, null, null);
    }
}
