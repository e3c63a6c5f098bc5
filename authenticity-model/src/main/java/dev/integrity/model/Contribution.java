package dev.integrity.model;

/**
 * What one feature added to the log-odds of "fake": for a logistic regression {@code weight * (value - mean) / std};
 * for a forest its share of the changes along the trees' paths, in log-odds (see {@link Scorer}).
 *
 * @param value the feature's value as given, NaN when it was missing (its contribution is then 0)
 */
public record Contribution(String feature, double value, double contribution) {

    public boolean missing() {
        return Double.isNaN(value);
    }
}
