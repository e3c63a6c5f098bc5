package dev.integrity.simulator.model;

import java.util.random.RandomGenerator;

/** The few distributions the population and its traffic are drawn from. */
public final class Distributions {

    private Distributions() {
    }

    /** Lognormal with this median and sigma (of the underlying normal). */
    public static double lognormal(RandomGenerator r, double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    /** Pareto with this minimum and tail index alpha (smaller alpha, longer tail). */
    public static double pareto(RandomGenerator r, double min, double alpha) {
        return min / Math.pow(1 - r.nextDouble(), 1 / alpha);
    }

    /** Poisson by inversion for small means, normal approximation for large ones. */
    public static int poisson(RandomGenerator r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }

    /** Exponential with this mean. */
    public static double exponential(RandomGenerator r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    /** Uniform in [min, max]. */
    public static double between(RandomGenerator r, double min, double max) {
        return min + (max - min) * r.nextDouble();
    }

    /** Uniform int in [min, max]. */
    public static int between(RandomGenerator r, int min, int max) {
        return min + r.nextInt(max - min + 1);
    }

    public static boolean chance(RandomGenerator r, double p) {
        return r.nextDouble() < p;
    }

    public static <T> T pick(RandomGenerator r, java.util.List<T> items) {
        return items.get(r.nextInt(items.size()));
    }
}
