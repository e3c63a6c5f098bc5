package dev.integrity.model.train;

/** Per-feature mean and (population) standard deviation over the training rows; a constant feature gets std 1. */
record Standardisation(double[] mean, double[] std) {

    static Standardisation fit(double[][] x, int[] rows, int features) {
        double[] mean = new double[features];
        double[] std = new double[features];
        for (int j = 0; j < features; j++) {
            double sum = 0;
            for (int row : rows) {
                sum += x[row][j];
            }
            mean[j] = sum / rows.length;
            double squares = 0;
            for (int row : rows) {
                double d = x[row][j] - mean[j];
                squares += d * d;
            }
            double sd = Math.sqrt(squares / rows.length);
            std[j] = sd > 1e-12 ? sd : 1.0;
        }
        return new Standardisation(mean, std);
    }

    double[] apply(double[] values) {
        double[] z = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            z[j] = (values[j] - mean[j]) / std[j];
        }
        return z;
    }
}
