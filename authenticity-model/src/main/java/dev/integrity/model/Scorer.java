package dev.integrity.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores feature values with a model: {@code p = 1 / (1 + exp(-(intercept + sum of contributions)))}.
 * A missing feature ({@code null}, absent or not finite) counts as its training mean, contributing 0.
 * Immutable and thread-safe; {@link #probability} allocates nothing.
 */
public final class Scorer {

    private final String modelId;
    private final double threshold;
    private final double intercept;
    private final List<String> featureNames;
    private final String[] names;
    private final double[] mean;
    private final double[] inverseStd;
    private final double[] weight;
    private final Map<String, Integer> indexByName;

    Scorer(AuthenticityModel model) {
        List<ModelFeature> features = model.features();
        int n = features.size();
        modelId = model.id();
        threshold = model.threshold();
        intercept = model.intercept();
        names = new String[n];
        mean = new double[n];
        inverseStd = new double[n];
        weight = new double[n];
        indexByName = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ModelFeature feature = features.get(i);
            names[i] = feature.name();
            mean[i] = feature.mean();
            inverseStd[i] = 1.0 / feature.std();
            weight[i] = feature.weight();
            indexByName.put(names[i], i);
        }
        featureNames = List.of(names);
    }

    public String modelId() {
        return modelId;
    }

    public double threshold() {
        return threshold;
    }

    /** The model's features, in the order {@link #score(double[])} expects them. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Position of a feature in {@link #featureNames()}, or -1 if the model does not use it. */
    public int indexOf(String feature) {
        Integer index = indexByName.get(feature);
        return index == null ? -1 : index;
    }

    /** The probability that the profile is fake. Features the model does not use are ignored. */
    public double probability(Map<String, Double> features) {
        double logit = intercept;
        for (int i = 0; i < names.length; i++) {
            Double value = features.get(names[i]);
            if (value != null && Double.isFinite(value)) {
                logit += weight[i] * (value - mean[i]) * inverseStd[i];
            }
        }
        return sigmoid(logit);
    }

    /** The probability with each feature's contribution, to explain it. */
    public Score score(Map<String, Double> features) {
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            Double value = features.get(names[i]);
            values[i] = value == null ? Double.NaN : value;
        }
        return scoreOwned(values);
    }

    /** Like {@link #score(Map)} with values in {@link #featureNames()} order; NaN marks a missing value. */
    public Score score(double[] values) {
        if (values.length != names.length) {
            throw new IllegalArgumentException("expected " + names.length + " feature values, got " + values.length);
        }
        return scoreOwned(values.clone());
    }

    private Score scoreOwned(double[] values) {
        double[] contributions = new double[names.length];
        double logit = intercept;
        for (int i = 0; i < names.length; i++) {
            double value = values[i];
            if (Double.isFinite(value)) {
                contributions[i] = weight[i] * (value - mean[i]) * inverseStd[i];
                logit += contributions[i];
            } else {
                values[i] = Double.NaN;
            }
        }
        return new Score(names, values, contributions, logit, sigmoid(logit), threshold);
    }

    static double sigmoid(double logit) {
        return logit >= 0 ? 1.0 / (1.0 + Math.exp(-logit)) : Math.exp(logit) / (1.0 + Math.exp(logit));
    }
}
