package dev.integrity.simulator.traffic;

/** The daily rhythm of people: quiet at night, busy in the evening. Multipliers average 1 over a day. */
final class Rhythm {

    private static final double[] BY_LOCAL_HOUR = normalise(new double[] {0.35, 0.2, 0.12, 0.08, 0.08, 0.12, 0.3, 0.6, 0.85,
            0.9, 0.95, 1.05, 1.2, 1.1, 1.0, 1.0, 1.1, 1.3, 1.5, 1.7, 1.8, 1.6, 1.2, 0.7});

    private Rhythm() {
    }

    static double at(long epochMs, int utcOffsetHours) {
        long hour = Math.floorMod(epochMs / 3_600_000L + utcOffsetHours, 24L);
        return BY_LOCAL_HOUR[(int) hour];
    }

    private static double[] normalise(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] / mean;
        }
        return result;
    }
}
