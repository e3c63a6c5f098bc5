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

    /**
     * A forest of two trees over the same two features (log_followers mean 5, follows_24h mean 10).
     * Tree 0: follows_24h <= 20 ? 0.1 : (log_followers <= 3 ? 0.9 : 0.5), split values 0.3 (root) and 0.7.
     * Tree 1: log_followers <= 4 ? 0.6 : 0.2, root value 0.4. The average root is 0.35.
     */
    static AuthenticityModel forest(double threshold) {
        Forest forest = new Forest(2, List.of(
                new Forest.Tree(new int[] {1, -1, 0, -1, -1}, new double[] {20, 0, 3, 0, 0}, new int[] {1, -1, 3, -1, -1},
                        new int[] {2, -1, 4, -1, -1}, new double[] {0.3, 0.1, 0.7, 0.9, 0.5}),
                new Forest.Tree(new int[] {0, -1, -1}, new double[] {4, 0, 0}, new int[] {1, -1, -1}, new int[] {2, -1, -1},
                        new double[] {0.4, 0.6, 0.2})));
        return new AuthenticityModel(AuthenticityModel.FOREST_FORMAT, "m-forest", Instant.parse("2026-01-01T00:00:00Z"),
                "tribuo test", "hand-made forest", List.of("followerCount", "follows_24h"),
                List.of(new ModelFeature(FeatureSet.LOG_FOLLOWERS, "ln(1 + followerCount)", 5, 2, 0, 0.3),
                        new ModelFeature(BehaviourFeatures.FOLLOWS_24H, "as given", 10, 5, 0, 0.2)),
                Math.log(0.35 / 0.65), threshold, null, null, null, null, null, forest);
    }

    /** The two-feature model with a threshold chosen at base rate 0.1 and training data with 30 % fakes. */
    static AuthenticityModel withChoiceAndTraining() {
        AuthenticityModel base = twoFeatures(0.8);
        ThresholdChoice choice = new ThresholdChoice(ThresholdChoice.TARGET_PRECISION_RULE, 0.95, true, 0.8, 0.98, 0.6,
                0.002, 0.1, ThresholdChoice.BASE_RATE_GIVEN, 0.97, 0.9);
        TrainingData training = new TrainingData("abc", "test.csv", List.of("followerCount", "follows_24h"), 1000, 300, 700,
                600, 200, 200, 1, 20);
        return new AuthenticityModel(base.format(), base.id(), base.createdAt(), base.library(), base.algorithm(),
                base.requiredColumns(), List.of(base.features().get(0).withImportance(0.4), base.features().get(1).withImportance(0.7)),
                base.intercept(), base.threshold(), choice, training, null, null, null, null);
    }
}
