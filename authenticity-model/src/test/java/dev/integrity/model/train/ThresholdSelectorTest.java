package dev.integrity.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.model.ThresholdChoice;
import org.junit.jupiter.api.Test;

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

    @Test
    void needsFakeRows() {
        assertThrows(IllegalArgumentException.class,
                () -> ThresholdSelector.choose(new double[] {0.2}, new boolean[] {false}, 0.9));
    }
}
