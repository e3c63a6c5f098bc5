package dev.integrity.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores feature values with a model. Immutable and thread-safe.
 *
 * <p>A logistic regression: {@code p = 1 / (1 + exp(-(intercept + sum of contributions)))}, each contribution
 * {@code weight * (x - mean) / std}. A missing feature ({@code null}, absent or not finite) counts as its training
 * mean, contributing 0. {@link #probability} allocates nothing.
 *
 * <p>A forest ({@link Forest}): {@code p} is the average over the trees of the leaf each one reaches; a missing
 * feature is taken at its training mean. Its explanation follows the paths: every split a profile passes changes
 * the tree's share of fakes from the node to the child taken, and that change is credited to the feature split on.
 * Averaged over the trees, these credits add up to {@code p} minus the average root value exactly. They are then
 * scaled by one common factor into log-odds, so that, as for the logistic regression, the intercept (the log-odds
 * of the average root) plus the contributions is the log-odds of {@code p}, and their order and signs are kept.
 * A missing feature is reported with contribution 0 (its value is unknown, so it is no reason), and the log-odds
 * then differ from intercept plus contributions by what its mean value moved. For the log-odds a forest's
 * probability is kept within [1e-6, 1 - 1e-6] (a pure leaf gives 0 or 1).
 */
public final class Scorer {

    private static final double LOGIT_EPSILON = 1e-6;

    private final AuthenticityModel model;
    private final double intercept;
    private final List<String> featureNames;
    private final String[] names;
    private final double[] mean;
    private final double[] inverseStd;
    private final double[] weight;
    private final Map<String, Integer> indexByName;
    private final Trees trees;

    Scorer(AuthenticityModel model) {
        List<ModelFeature> features = model.features();
        int n = features.size();
        this.model = model;
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
        trees = model.forest() == null ? null : new Trees(model.forest());
        if (trees != null && Math.abs(trees.interceptLogit - intercept) > 1e-6) {
            throw new ModelFormatException("the forest's intercept " + intercept + " is not the log-odds of its"
                    + " average root value (" + trees.interceptLogit + ")");
        }
    }

    /** The model this scorer scores with (its metadata: kind, base rate, metrics). */
    public AuthenticityModel model() {
        return model;
    }

    public String modelId() {
        return model.id();
    }

    public double threshold() {
        return model.threshold();
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
        if (trees != null) {
            double[] values = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                Double value = features.get(names[i]);
                values[i] = value != null && Double.isFinite(value) ? value : mean[i];
            }
            return trees.forest.probability(values, null);
        }
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
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                values[i] = Double.NaN;
            }
        }
        return trees != null ? scoreForest(values) : scoreLogistic(values);
    }

    private Score scoreLogistic(double[] values) {
        double[] contributions = new double[names.length];
        double logit = intercept;
        for (int i = 0; i < names.length; i++) {
            double value = values[i];
            if (!Double.isNaN(value)) {
                contributions[i] = weight[i] * (value - mean[i]) * inverseStd[i];
                logit += contributions[i];
            }
        }
        return score(values, contributions, logit, sigmoid(logit));
    }

    private Score scoreForest(double[] values) {
        double[] filled = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            filled[i] = Double.isNaN(values[i]) ? mean[i] : values[i];
        }
        double[] contributions = new double[names.length];
        double probability = trees.forest.probability(filled, contributions);
        double logit = logit(probability);
        double change = probability - trees.root;
        double scale = Math.abs(change) < 1e-12
                ? 1.0 / (trees.clampedRoot * (1 - trees.clampedRoot))
                : (logit - trees.interceptLogit) / change;
        for (int i = 0; i < names.length; i++) {
            contributions[i] = Double.isNaN(values[i]) ? 0.0 : contributions[i] * scale;
        }
        return score(values, contributions, logit, probability);
    }

    private Score score(double[] values, double[] contributions, double logit, double probability) {
        Contribution[] list = new Contribution[names.length];
        for (int i = 0; i < names.length; i++) {
            list[i] = new Contribution(names[i], values[i], contributions[i]);
        }
        return new Score(probability, logit, model.threshold(), List.of(list));
    }

    static double sigmoid(double logit) {
        return logit >= 0 ? 1.0 / (1.0 + Math.exp(-logit)) : Math.exp(logit) / (1.0 + Math.exp(logit));
    }

    /** Log-odds of a probability kept within [1e-6, 1 - 1e-6] (a forest's intercept is that of its average root). */
    public static double logit(double probability) {
        double p = clamp(probability);
        return Math.log(p / (1 - p));
    }

    private static double clamp(double probability) {
        return Math.min(1 - LOGIT_EPSILON, Math.max(LOGIT_EPSILON, probability));
    }

    /** A forest with the constants of its explanation, worked out once. */
    private static final class Trees {

        private final Forest forest;
        /** The average root value: the probability before any split. */
        private final double root;
        private final double clampedRoot;
        private final double interceptLogit;

        Trees(Forest forest) {
            this.forest = forest;
            root = forest.averageRoot();
            clampedRoot = clamp(root);
            interceptLogit = logit(root);
        }
    }
}
