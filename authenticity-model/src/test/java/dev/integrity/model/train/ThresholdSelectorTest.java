package dev.integrity.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.model.BaseRate;
import dev.integrity.model.ThresholdChoice;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ThresholdSelectorTest {

    private static final double[] P = {0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    private static final boolean[] FAKE = {true, true, true, false, true, true, false, true, false, false};

    @Test
    void takesTheLowestThresholdThatReachesTheTargetPrecision() {
        // Cumulative precision from the top: 1, 1, 1, .75, .8, .833, .714, .75, .667, .6
        ThresholdChoice choice = ThresholdSelector.choose(P, FAKE, 0.8);

        assertTrue(choice.targetReached());
        assertEquals(ThresholdChoice.TARGET_PRECISION_RULE, choice.rule());
        assertEquals(0.6, choice.threshold());
        assertEquals(5 / 6.0, choice.validationPrecision(), 1e-12);
        assertEquals(5 / 6.0, choice.validationRecall(), 1e-12);
    }

    @Test
    void aPerfectTargetStopsBeforeTheFirstFalsePositive() {
        ThresholdChoice choice = ThresholdSelector.choose(P, FAKE, 1.0);

        assertEquals(0.85, choice.threshold());
        assertEquals(1.0, choice.validationPrecision());
        assertEquals(0.5, choice.validationRecall(), 1e-12);
    }

    @Test
    void fallsBackToMaximumF1WhenTheTargetIsOutOfReach() {
        double[] p = {0.9, 0.8, 0.7, 0.6};
        boolean[] fake = {false, true, true, false};

        ThresholdChoice choice = ThresholdSelector.choose(p, fake, 0.99);

        assertFalse(choice.targetReached());
        assertEquals(ThresholdChoice.MAX_F1_RULE, choice.rule());
        assertEquals(0.7, choice.threshold());
    }

    @Test
    void tiedScoresAreOneCandidate() {
        double[] p = {0.9, 0.5, 0.5, 0.1};
        boolean[] fake = {true, true, false, false};

        assertEquals(0.9, ThresholdSelector.choose(p, fake, 0.9).threshold());
    }

    /** Five fakes and five genuine profiles: the balanced case. */
    private static final double[] BALANCED_P = {0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    private static final boolean[] BALANCED_FAKE = {true, true, false, true, true, false, true, false, false, false};

    /*
     * Rates from the top (threshold: TPR, FPR): .95: .2, 0 | .9: .4, 0 | .85: .4, .2 | .8: .6, .2 | .7: .8, .2 |
     * .6: .8, .4 | .5: 1, .4 | .4: 1, .6 | .3: 1, .8 | .2: 1, 1. Precision at π is π·TPR / (π·TPR + (1 − π)·FPR),
     * e.g. at .7: .8 at π = .5, .632 at π = .3, .308 at π = .1.
     */
    @ParameterizedTest(name = "π={0}, target {1}: threshold {2}")
    @CsvSource({
            "0.5,  0.75, 0.7",
            "0.5,  0.8,  0.7",
            "0.5,  0.9,  0.9",
            "0.9,  0.75, 0.2",
            "0.9,  0.95, 0.5",
            "0.3,  0.75, 0.9",
            "0.1,  0.75, 0.9",
            "0.01, 0.99, 0.9",
            "0.3,  0.6,  0.7",
            "0.1,  0.3,  0.7",
    })
    void choosesTheLowestThresholdReachingTheTargetAtTheBaseRate(double baseRate, double target, double threshold) {
        ThresholdChoice choice = ThresholdSelector.choose(BALANCED_P, BALANCED_FAKE, target, baseRate,
                ThresholdChoice.BASE_RATE_GIVEN);

        assertTrue(choice.targetReached());
        assertEquals(threshold, choice.threshold());
        assertEquals(baseRate, choice.baseRate());
        assertEquals(ThresholdChoice.BASE_RATE_GIVEN, choice.baseRateSource());
        assertTrue(choice.expectedPrecision() >= target - 1e-12, "expected precision " + choice.expectedPrecision());
        assertTrue(choice.expectedPrecisionLowerBound() <= choice.expectedPrecision());
        assertEquals(BaseRate.precision(baseRate, choice.validationRecall(), choice.validationFalsePositiveRate()),
                choice.expectedPrecision(), 1e-12);
    }

    @ParameterizedTest(name = "target {0}")
    @CsvSource({"0.6", "0.75", "0.8", "0.9", "0.99", "1.0"})
    void atHalfItIsTheBalancedChoice(double target) {
        ThresholdChoice balanced = ThresholdSelector.choose(BALANCED_P, BALANCED_FAKE, target);
        ThresholdChoice half = ThresholdSelector.choose(BALANCED_P, BALANCED_FAKE, target, 0.5, ThresholdChoice.BASE_RATE_GIVEN);

        assertEquals(0.5, balanced.baseRate());
        assertEquals(ThresholdChoice.BASE_RATE_OF_DATA, balanced.baseRateSource());
        assertEquals(balanced.threshold(), half.threshold());
        assertEquals(balanced.validationPrecision(), half.expectedPrecision(), 1e-12);
    }

    @Test
    void withoutABaseRateItIsThePrecisionMeasuredOnValidation() {
        ThresholdChoice choice = ThresholdSelector.choose(P, FAKE, 0.8);

        assertEquals(0.6, choice.baseRate(), 1e-12);
        assertEquals(choice.validationPrecision(), choice.expectedPrecision(), 1e-12);
        assertEquals(1 / 4.0, choice.validationFalsePositiveRate(), 1e-12);
    }

    static Stream<Arguments> populations() {
        return Stream.of(Arguments.of(1L, 0.35), Arguments.of(2L, 0.5), Arguments.of(3L, 0.2), Arguments.of(4L, 0.6));
    }

    /** Overlapping score distributions: a lower share of fakes never allows a lower threshold. */
    @ParameterizedTest(name = "seed {0}, {1} fakes")
    @MethodSource("populations")
    void aLowerBaseRateGivesAHigherOrEqualThreshold(long seed, double fakeShare) {
        Random random = new Random(seed);
        int n = 2000;
        double[] p = new double[n];
        boolean[] fake = new boolean[n];
        for (int i = 0; i < n; i++) {
            fake[i] = random.nextDouble() < fakeShare;
            double z = random.nextGaussian() + (fake[i] ? 1.8 : 0);
            p[i] = 1 / (1 + Math.exp(-z));
        }
        double[] baseRates = {0.9, 0.5, 0.35, 0.1, 0.05, 0.01};
        for (double target : new double[] {0.8, 0.9, 0.95}) {
            ThresholdChoice previous = null;
            for (double baseRate : baseRates) {
                ThresholdChoice choice = ThresholdSelector.choose(p, fake, target, baseRate, ThresholdChoice.BASE_RATE_GIVEN);
                if (previous != null && previous.targetReached() && choice.targetReached()) {
                    assertTrue(choice.threshold() >= previous.threshold(), "target " + target + ": at " + baseRate
                            + " threshold " + choice.threshold() + " < " + previous.threshold() + " at " + previous.baseRate());
                    assertTrue(choice.validationRecall() <= previous.validationRecall());
                }
                previous = choice;
            }
        }
    }

    @Test
    void theMaximumF1FallbackIsWeighedAtTheBaseRateToo() {
        double[] p = {0.9, 0.8, 0.7, 0.6};
        boolean[] fake = {false, true, true, false};

        ThresholdChoice choice = ThresholdSelector.choose(p, fake, 0.99, 0.1, ThresholdChoice.BASE_RATE_GIVEN);

        assertFalse(choice.targetReached());
        assertEquals(ThresholdChoice.MAX_F1_RULE, choice.rule());
        assertEquals(0.7, choice.threshold());
        assertEquals(BaseRate.precision(0.1, 1.0, 0.5), choice.expectedPrecision(), 1e-12);
    }

    @Test
    void refusesABaseRateOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class,
                () -> ThresholdSelector.choose(P, FAKE, 0.9, 0.0, ThresholdChoice.BASE_RATE_GIVEN));
        assertThrows(IllegalArgumentException.class,
                () -> ThresholdSelector.choose(P, FAKE, 0.9, 1.5, ThresholdChoice.BASE_RATE_GIVEN));
    }

    @Test
    void needsFakeRows() {
        assertThrows(IllegalArgumentException.class,
                () -> ThresholdSelector.choose(new double[] {0.2}, new boolean[] {false}, 0.9));
    }
}
