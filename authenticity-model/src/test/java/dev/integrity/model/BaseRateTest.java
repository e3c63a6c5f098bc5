package dev.integrity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BaseRateTest {

    private static final double EPS = 1e-12;

    /** base rate, TPR, FPR, expected precision, F1 and accuracy (worked out by hand). */
    static Stream<Arguments> cases() {
        return Stream.of(
                // Balanced: precision = TPR / (TPR + FPR).
                Arguments.of(0.5, 0.8, 0.2, 0.8, 0.8, 0.8),
                // 10 % fakes, 80 % caught, 2 % of genuine flagged: 0.08 / (0.08 + 0.018).
                Arguments.of(0.1, 0.8, 0.02, 0.08 / 0.098, 0.16 / 0.198, 0.08 + 0.9 * 0.98),
                // 1 % fakes, same rates: most flags are wrong.
                Arguments.of(0.01, 0.8, 0.02, 0.008 / (0.008 + 0.0198), 0.016 / (0.008 + 0.01 + 0.0198), 0.008 + 0.99 * 0.98),
                // No false positives: precision 1 at any base rate.
                Arguments.of(0.01, 0.5, 0.0, 1.0, 0.01 / 0.015, 0.005 + 0.99),
                // Nothing flagged: precision and F1 0, not NaN.
                Arguments.of(0.3, 0.0, 0.0, 0.0, 0.0, 0.7),
                // Everything flagged: precision is the base rate.
                Arguments.of(0.2, 1.0, 1.0, 0.2, 0.4 / 1.2, 0.2));
    }

    @ParameterizedTest(name = "π={0} TPR={1} FPR={2}")
    @MethodSource("cases")
    void precisionF1AndAccuracyAtABaseRate(double pi, double tpr, double fpr, double precision, double f1, double accuracy) {
        assertEquals(precision, BaseRate.precision(pi, tpr, fpr), EPS);
        assertEquals(f1, BaseRate.f1(pi, tpr, fpr), EPS);
        assertEquals(accuracy, BaseRate.accuracy(pi, tpr, fpr), EPS);
        double p = BaseRate.precision(pi, tpr, fpr);
        assertEquals(p + tpr == 0 ? 0.0 : 2 * p * tpr / (p + tpr), BaseRate.f1(pi, tpr, fpr), EPS, "F1 is the harmonic mean");
    }

    @Test
    void atTheDataOwnShareItIsThePrecisionMeasured() {
        Metrics m = Metrics.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05},
                new boolean[] {true, true, false, true, false, false, true, false, false, false}, 0.55);

        BaseRateMetrics same = BaseRateMetrics.of(m, BaseRateMetrics.baseRateOf(m));

        assertEquals(0.4, BaseRateMetrics.baseRateOf(m), EPS);
        assertEquals(m.precision(), same.precision(), EPS);
        assertEquals(m.recall(), same.recall(), EPS);
        assertEquals(m.f1(), same.f1(), EPS);
        assertEquals(m.accuracy(), same.accuracy(), EPS);
        assertEquals(m.rocAuc(), same.rocAuc());
        assertEquals(1 / 6.0, same.falsePositiveRate(), EPS);
    }

    @Test
    void aLowerBaseRateLowersPrecisionNotRecall() {
        Metrics m = Metrics.of(new double[] {0.9, 0.8, 0.7, 0.2}, new boolean[] {true, false, true, false}, 0.5);

        BaseRateMetrics rare = BaseRateMetrics.of(m, 0.01);

        assertEquals(1.0, rare.recall(), EPS);
        assertEquals(0.5, rare.falsePositiveRate(), EPS);
        assertEquals(0.01 / (0.01 + 0.99 * 0.5), rare.precision(), EPS);
        assertTrue(rare.precision() < m.precision());
    }

    @Test
    void needsBothClassesToReweight() {
        Metrics onlyGenuine = Metrics.of(new double[] {0.1, 0.9}, new boolean[] {false, false}, 0.5);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseRateMetrics.of(onlyGenuine, 0.1));
        assertEquals("re-weighting to a base rate needs both fake and genuine rows; the data has no fake rows", e.getMessage());
        assertNull(onlyGenuine.rocAuc());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void aBaseRateMustLieStrictlyBetweenZeroAndOne(double bad) {
        assertFalse(BaseRate.isValid(bad));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseRate.require(bad, "--base-rate"));
        assertEquals("--base-rate must be between 0 and 1 (exclusive), got " + bad, e.getMessage());
    }

    @ParameterizedTest(name = "{0} of {1}: [{2}, {3}]")
    @org.junit.jupiter.params.provider.CsvSource({
            "0,   100,  0.0,    0.0370",
            "50,  100,  0.4038, 0.5962",
            "100, 100,  0.9630, 1.0",
            "1,   2591, 0.0000, 0.0022",
            "0,   0,    0.0,    1.0",
    })
    void wilsonBoundsAroundAnObservedRate(long k, long n, double lower, double upper) {
        assertEquals(lower, BaseRate.wilsonBound(k, n, BaseRate.Z_95, false), 1e-4);
        assertEquals(upper, BaseRate.wilsonBound(k, n, BaseRate.Z_95, true), 1e-4);
    }

    @Test
    void theCautiousPrecisionIsBelowThePointEstimateAndTightensWithMoreRows() {
        double point = BaseRate.precision(0.1, 0.4, 1 / 2500.0);
        double few = BaseRate.precisionLowerBound(0.1, 400, 1000, 1, 2500);
        double many = BaseRate.precisionLowerBound(0.1, 40_000, 100_000, 100, 250_000);

        assertTrue(few < many && many < point, few + " " + many + " " + point);
        assertTrue(point - many < 0.005, "100 times the rows: " + many + " vs " + point);
    }

    @Test
    void ratesOutsideZeroAndOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BaseRate.precision(0.1, 1.2, 0.0));
        assertThrows(IllegalArgumentException.class, () -> BaseRate.precision(0.1, 0.5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BaseRate.f1(-0.1, 0.5, 0.1));
        assertEquals(0.1, BaseRate.require(0.1, "x"));
    }
}
