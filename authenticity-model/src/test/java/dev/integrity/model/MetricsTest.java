package dev.integrity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void countsAtTheThresholdInclusive() {
        double[] p = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
        boolean[] fake = {true, true, false, true, false, false, true, false};

        Metrics m = Metrics.of(p, fake, 0.6);

        assertEquals(new ConfusionMatrix(3, 1, 3, 1), m.confusionMatrix());
        assertEquals(8, m.rows());
        assertEquals(6 / 8.0, m.accuracy(), EPS);
        assertEquals(3 / 4.0, m.precision(), EPS);
        assertEquals(3 / 4.0, m.recall(), EPS);
        assertEquals(3 / 4.0, m.f1(), EPS);
        // Pairs (fake, genuine) ranked correctly: 4 + 4 + 3 + 1 = 12 of 16.
        assertEquals(12 / 16.0, m.rocAuc(), EPS);
    }

    @Test
    void tiesCountHalfInTheAuc() {
        assertEquals(0.5, Metrics.of(new double[] {0.5, 0.5, 0.5}, new boolean[] {true, false, false}, 0.5).rocAuc(), EPS);
        assertEquals(0.75, Metrics.of(new double[] {0.9, 0.5, 0.5}, new boolean[] {true, true, false}, 0.5).rocAuc(), EPS);
    }

    @Test
    void degenerateCasesAreZeroOrAbsentNotNaN() {
        Metrics nothingFlagged = Metrics.of(new double[] {0.1, 0.2}, new boolean[] {true, false}, 0.9);
        assertEquals(0.0, nothingFlagged.precision());
        assertEquals(0.0, nothingFlagged.f1());

        Metrics oneClass = Metrics.of(new double[] {0.1, 0.2}, new boolean[] {false, false}, 0.5);
        assertNull(oneClass.rocAuc());
        assertEquals(0.0, oneClass.recall());
        assertEquals(1.0, oneClass.accuracy());
    }
}
