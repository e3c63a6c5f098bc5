package dev.integrity.model;

/**
 * Precision, F1 and accuracy at an expected share of fakes (the base rate {@code π}), from the two rates
 * a threshold has on labelled data. The rates do not depend on how many fakes the labelled data held,
 * so they carry over to a population with another share of fakes; precision does not:
 *
 * <pre>
 *   precision(π) = π·TPR / (π·TPR + (1 − π)·FPR)
 *   F1(π)        = 2·π·TPR / (π·TPR + π + (1 − π)·FPR)
 *   accuracy(π)  = π·TPR + (1 − π)·(1 − FPR)
 * </pre>
 *
 * TPR is the recall (the share of fakes flagged), FPR the share of genuine profiles flagged. As with
 * {@link Metrics}, precision and F1 are 0 when nothing would be flagged ({@code TPR = FPR = 0}).
 */
public final class BaseRate {

    /** The normal quantile of a two-sided 95 % interval. */
    public static final double Z_95 = 1.959963984540054;

    private BaseRate() {
    }

    /** Expected precision when a share {@code baseRate} of the profiles are fake. */
    public static double precision(double baseRate, double truePositiveRate, double falsePositiveRate) {
        checkRates(baseRate, truePositiveRate, falsePositiveRate);
        double truePositives = baseRate * truePositiveRate;
        double flagged = truePositives + (1 - baseRate) * falsePositiveRate;
        return flagged == 0 ? 0.0 : truePositives / flagged;
    }

    /** Expected F1 (the harmonic mean of {@link #precision} and the recall, which is the TPR). */
    public static double f1(double baseRate, double truePositiveRate, double falsePositiveRate) {
        checkRates(baseRate, truePositiveRate, falsePositiveRate);
        double truePositives = baseRate * truePositiveRate;
        double denominator = truePositives + baseRate + (1 - baseRate) * falsePositiveRate;
        return truePositives == 0 ? 0.0 : 2 * truePositives / denominator;
    }

    /** Expected share of profiles classified correctly. */
    public static double accuracy(double baseRate, double truePositiveRate, double falsePositiveRate) {
        checkRates(baseRate, truePositiveRate, falsePositiveRate);
        return baseRate * truePositiveRate + (1 - baseRate) * (1 - falsePositiveRate);
    }

    /**
     * A bound of the Wilson score interval for a rate observed as {@code k} of {@code n}: how high (or low) the
     * true rate may plausibly be. With {@code z = 1.96} it is the bound of a two-sided 95 % interval.
     * Returns 0 (lower) or 1 (upper) when {@code n} is 0.
     */
    public static double wilsonBound(long k, long n, double z, boolean upper) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k " + k + " and n " + n);
        }
        if (n == 0) {
            return upper ? 1.0 : 0.0;
        }
        double rate = k / (double) n;
        double z2 = z * z;
        double centre = rate + z2 / (2 * n);
        double spread = z * Math.sqrt(rate * (1 - rate) / n + z2 / (4.0 * n * n));
        double bound = (upper ? centre + spread : centre - spread) / (1 + z2 / n);
        return Math.min(1.0, Math.max(0.0, bound));
    }

    /**
     * A cautious precision at a base rate: with the true-positive rate at the lower and the false-positive rate at
     * the upper bound of their 95 % Wilson intervals, from the counts behind them.
     */
    public static double precisionLowerBound(double baseRate, long truePositives, long fakes, long falsePositives,
            long genuine) {
        return precision(baseRate, wilsonBound(truePositives, fakes, Z_95, false),
                wilsonBound(falsePositives, genuine, Z_95, true));
    }

    /** True for a usable base rate: strictly between 0 and 1. */
    public static boolean isValid(double baseRate) {
        return baseRate > 0 && baseRate < 1;
    }

    /**
     * Returns {@code baseRate} if it is strictly between 0 and 1.
     *
     * @param what how the value is called where it came from (an option name, say), for the message
     * @throws IllegalArgumentException {@code "<what> must be between 0 and 1 (exclusive), got <value>"}
     */
    public static double require(double baseRate, String what) {
        if (!isValid(baseRate)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1 (exclusive), got " + baseRate);
        }
        return baseRate;
    }

    private static void checkRates(double baseRate, double truePositiveRate, double falsePositiveRate) {
        if (!(baseRate >= 0 && baseRate <= 1)) {
            throw new IllegalArgumentException("base rate must be in [0, 1], got " + baseRate);
        }
        if (!(truePositiveRate >= 0 && truePositiveRate <= 1 && falsePositiveRate >= 0 && falsePositiveRate <= 1)) {
            throw new IllegalArgumentException("rates must be in [0, 1], got TPR " + truePositiveRate + " and FPR "
                    + falsePositiveRate);
        }
    }
}
