package dev.integrity.model;

/**
 * One feature of a trained model: its standardisation and its weight. The contribution of a value
 * {@code x} to the log-odds of "fake" is {@code weight * (x - mean) / std}.
 */
public record ModelFeature(String name, String formula, double mean, double std, double weight) {
}
