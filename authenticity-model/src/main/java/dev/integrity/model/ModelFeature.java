package dev.integrity.model;

/**
 * One feature of a trained model: its standardisation, its weight and its importance.
 *
 * <p>In a logistic regression the contribution of a value {@code x} to the log-odds of "fake" is
 * {@code weight * (x - mean) / std}. A forest splits on raw values and has no weights ({@code weight} is 0);
 * its scorer uses {@code mean} for a missing value.
 *
 * @param importance the mean absolute contribution of the feature to the log-odds over the validation split,
 *                   comparable between features and between kinds of model; null in models from before it was kept
 */
public record ModelFeature(String name, String formula, double mean, double std, double weight, Double importance) {

    public ModelFeature(String name, String formula, double mean, double std, double weight) {
        this(name, formula, mean, std, weight, null);
    }

    public ModelFeature withImportance(double value) {
        return new ModelFeature(name, formula, mean, std, weight, value);
    }
}
