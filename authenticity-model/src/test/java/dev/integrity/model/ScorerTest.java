package dev.integrity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final double EPS = 1e-12;
    private final Scorer scorer = TestModels.twoFeatures(0.6).scorer();

    @Test
    void isTheLogisticOfTheInterceptPlusWeightedStandardisedValues() {
        Map<String, Double> features = Map.of(FeatureSet.LOG_FOLLOWERS, 3.0, BehaviourFeatures.FOLLOWS_24H, 20.0);
        double logit = -0.5 + -1 * (3.0 - 5) / 2 + 2 * (20.0 - 10) / 5;

        Score score = scorer.score(features);

        assertEquals(logit, score.logit(), EPS);
        assertEquals(1 / (1 + Math.exp(-logit)), score.probability(), EPS);
        assertEquals(score.probability(), scorer.probability(features), EPS);
        assertEquals(1.0, score.contribution(FeatureSet.LOG_FOLLOWERS), EPS);
        assertEquals(4.0, score.contribution(BehaviourFeatures.FOLLOWS_24H), EPS);
        assertTrue(score.flagged());
    }

    @Test
    void contributionsAddUpToTheLogOddsAboveTheIntercept() {
        Score score = scorer.score(Map.of(FeatureSet.LOG_FOLLOWERS, 9.0, BehaviourFeatures.FOLLOWS_24H, 12.0));

        double sum = score.contributions().stream().mapToDouble(Contribution::contribution).sum();
        assertEquals(score.logit() + 0.5, sum, EPS);
        assertEquals(List.of(new Contribution(FeatureSet.LOG_FOLLOWERS, 9.0, -2.0),
                new Contribution(BehaviourFeatures.FOLLOWS_24H, 12.0, 0.8)), score.contributions());
        assertEquals(List.of(BehaviourFeatures.FOLLOWS_24H),
                score.topContributions(3).stream().map(Contribution::feature).toList());
    }

    @Test
    void missingOrNonFiniteValuesCountAsTheTrainingMean() {
        Map<String, Double> features = new HashMap<>();
        features.put(FeatureSet.LOG_FOLLOWERS, null);
        features.put(BehaviourFeatures.FOLLOWS_24H, Double.NaN);
        features.put("unused", 1e9);

        Score score = scorer.score(features);

        assertEquals(-0.5, score.logit(), EPS);
        assertTrue(score.contributions().stream().allMatch(Contribution::missing));
        assertEquals(score.probability(), scorer.probability(Map.of()), EPS);
        assertFalse(score.flagged());
    }

    @Test
    void scoresOrderedVectorsLikeMaps() {
        Score fromVector = scorer.score(new double[] {4.0, Double.NaN});
        Score fromMap = scorer.score(Map.of(FeatureSet.LOG_FOLLOWERS, 4.0));

        assertEquals(fromMap.probability(), fromVector.probability(), EPS);
        assertEquals(List.of(FeatureSet.LOG_FOLLOWERS, BehaviourFeatures.FOLLOWS_24H), scorer.featureNames());
        assertEquals(1, scorer.indexOf(BehaviourFeatures.FOLLOWS_24H));
        assertEquals(-1, scorer.indexOf("unused"));
        assertThrows(IllegalArgumentException.class, () -> scorer.score(new double[] {1.0}));
    }

    @Test
    void staysWithinZeroAndOneForExtremeValues() {
        assertEquals(1.0, scorer.probability(Map.of(BehaviourFeatures.FOLLOWS_24H, 1e308)), EPS);
        assertEquals(0.0, scorer.probability(Map.of(BehaviourFeatures.FOLLOWS_24H, -1e308)), EPS);
    }
}
