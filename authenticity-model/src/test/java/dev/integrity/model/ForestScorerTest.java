package dev.integrity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForestScorerTest {

    private static final double EPS = 1e-12;
    private final Scorer scorer = TestModels.forest(0.7).scorer();

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @ParameterizedTest(name = "log_followers {0}, follows_24h {1}: p {2}")
    @CsvSource({
            "2, 30, 0.75",   // tree 0: right, left -> 0.9; tree 1: left -> 0.6
            "2, 10, 0.35",   // 0.1 and 0.6
            "6, 30, 0.35",   // 0.5 and 0.2
            "6, 10, 0.15",   // 0.1 and 0.2
            "3, 20, 0.35",   // values equal to a split go left: 0.1 and 0.6
    })
    void averagesTheLeavesReached(double logFollowers, double follows, double probability) {
        Map<String, Double> features = Map.of(FeatureSet.LOG_FOLLOWERS, logFollowers, BehaviourFeatures.FOLLOWS_24H, follows);

        assertEquals(probability, scorer.probability(features), EPS);
        assertEquals(probability, scorer.score(features).probability(), EPS);
        assertEquals(probability >= 0.7, scorer.score(features).flagged());
    }

    @Test
    void creditsEachSplitsChangeToItsFeatureInLogOdds() {
        Score score = scorer.score(Map.of(FeatureSet.LOG_FOLLOWERS, 2.0, BehaviourFeatures.FOLLOWS_24H, 30.0));

        // Changes along the paths: follows_24h 0.3 -> 0.7 (tree 0); log_followers 0.7 -> 0.9 (tree 0) and 0.4 -> 0.6
        // (tree 1). Averaged: 0.2 each, adding up to 0.75 - 0.35; then scaled into log-odds.
        double scale = (logit(0.75) - logit(0.35)) / 0.4;
        assertEquals(0.2 * scale, score.contribution(FeatureSet.LOG_FOLLOWERS), 1e-9);
        assertEquals(0.2 * scale, score.contribution(BehaviourFeatures.FOLLOWS_24H), 1e-9);
        assertEquals(logit(0.75), score.logit(), 1e-9);
        double sum = score.contributions().stream().mapToDouble(Contribution::contribution).sum();
        assertEquals(score.logit() - TestModels.forest(0.7).intercept(), sum, 1e-9);
        assertEquals(2, score.topContributions(3).size());
    }

    @Test
    void negativeChangesPushTowardsGenuine() {
        Score score = scorer.score(Map.of(FeatureSet.LOG_FOLLOWERS, 6.0, BehaviourFeatures.FOLLOWS_24H, 10.0));

        assertEquals(0.15, score.probability(), EPS);
        assertTrue(score.contribution(FeatureSet.LOG_FOLLOWERS) < 0);
        assertTrue(score.contribution(BehaviourFeatures.FOLLOWS_24H) < 0);
        assertEquals(List.of(), score.topContributions(3));
        assertFalse(score.flagged());
    }

    @Test
    void aMissingFeatureTakesItsMeanAndIsNoReason() {
        Map<String, Double> features = new HashMap<>();
        features.put(BehaviourFeatures.FOLLOWS_24H, 30.0);
        features.put(FeatureSet.LOG_FOLLOWERS, Double.NaN);

        Score score = scorer.score(features);

        // log_followers at its mean 5: tree 0 ends at 0.5, tree 1 at 0.2.
        assertEquals(0.35, score.probability(), EPS);
        assertEquals(score.probability(), scorer.probability(features), EPS);
        assertEquals(0.0, score.contribution(FeatureSet.LOG_FOLLOWERS));
        assertTrue(score.contributions().get(0).missing());
        assertTrue(score.contribution(BehaviourFeatures.FOLLOWS_24H) > 0);
        assertEquals(List.of(BehaviourFeatures.FOLLOWS_24H),
                score.topContributions(3).stream().map(Contribution::feature).toList());
    }

    @Test
    void scoresVectorsLikeMaps() {
        Score fromVector = scorer.score(new double[] {2.0, 30.0});

        assertEquals(0.75, fromVector.probability(), EPS);
        assertEquals(scorer.score(Map.of(FeatureSet.LOG_FOLLOWERS, 2.0, BehaviourFeatures.FOLLOWS_24H, 30.0)).contributions(),
                fromVector.contributions());
        assertEquals(AuthenticityModel.FOREST, scorer.model().kind());
    }

    @Test
    void keepsTheLogOddsFiniteForPureLeaves() {
        Forest pure = new Forest(1, List.of(new Forest.Tree(new int[] {0, -1, -1}, new double[] {4, 0, 0},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new double[] {0.5, 1.0, 0.0})));
        AuthenticityModel base = TestModels.forest(0.5);
        AuthenticityModel model = new AuthenticityModel(base.format(), base.id(), base.createdAt(), base.library(),
                base.algorithm(), base.requiredColumns(), base.features(), 0.0, 0.5, null, null, null, null, null, pure);

        Score fake = model.scorer().score(Map.of(FeatureSet.LOG_FOLLOWERS, 1.0));

        assertEquals(1.0, fake.probability());
        assertTrue(Double.isFinite(fake.logit()) && fake.logit() > 13, "logit " + fake.logit());
        assertEquals(fake.logit(), fake.contribution(FeatureSet.LOG_FOLLOWERS), 1e-9);
    }
}
