package dev.integrity.model.train;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BaseRate;
import java.util.Locale;

/**
 * @param targetPrecision the precision the threshold must reach at the base rate on validation (wrongful flags are
 *                        the worst failure)
 * @param seed            for the split, for SGD's shuffling and for the forest's samples
 * @param epochs          passes of SGD over the training split (the logistic regression only)
 * @param validationShare share of each class held out to choose the threshold
 * @param testShare       share of each class held out to measure the model
 * @param baseRate        the share of fakes expected where the model is used, in (0, 1); null for the training
 *                        data's own share
 * @param algorithm       which kind of model to train
 */
public record TrainingOptions(double targetPrecision, long seed, int epochs, double validationShare, double testShare,
        Double baseRate, Algorithm algorithm) {

    public static final double DEFAULT_TARGET_PRECISION = 0.99;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_EPOCHS = 20;

    /** The kinds of model {@link ModelTrainer} trains. */
    public enum Algorithm {
        /** Logistic regression on standardised features: every weight readable. */
        LOGISTIC(AuthenticityModel.LOGISTIC),
        /** Random forest: measures better on the synthetic data, explained by its decision paths. */
        FOREST(AuthenticityModel.FOREST);

        private final String label;

        Algorithm(String label) {
            this.label = label;
        }

        /** The name on the command line and in {@link AuthenticityModel#kind()}. */
        public String label() {
            return label;
        }

        /** @throws IllegalArgumentException naming the accepted values */
        public static Algorithm parse(String value) {
            for (Algorithm a : values()) {
                if (a.label.equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
                    return a;
                }
            }
            throw new IllegalArgumentException("algorithm must be logistic or forest, got '" + value + "'");
        }
    }

    public TrainingOptions {
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision must be in (0, 1], got " + targetPrecision);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (!(validationShare > 0 && testShare > 0 && validationShare + testShare < 0.9)) {
            throw new IllegalArgumentException("validation and test shares must be positive and leave at least 10% to train");
        }
        if (baseRate != null) {
            BaseRate.require(baseRate, "base rate");
        }
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm is missing");
        }
    }

    public TrainingOptions(double targetPrecision, long seed, int epochs, double validationShare, double testShare) {
        this(targetPrecision, seed, epochs, validationShare, testShare, null, Algorithm.LOGISTIC);
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(DEFAULT_TARGET_PRECISION, DEFAULT_SEED, DEFAULT_EPOCHS, 0.2, 0.2);
    }

    public TrainingOptions withTargetPrecision(double value) {
        return new TrainingOptions(value, seed, epochs, validationShare, testShare, baseRate, algorithm);
    }

    public TrainingOptions withSeed(long value) {
        return new TrainingOptions(targetPrecision, value, epochs, validationShare, testShare, baseRate, algorithm);
    }

    public TrainingOptions withEpochs(int value) {
        return new TrainingOptions(targetPrecision, seed, value, validationShare, testShare, baseRate, algorithm);
    }

    /** @param value null for the training data's own share of fakes */
    public TrainingOptions withBaseRate(Double value) {
        return new TrainingOptions(targetPrecision, seed, epochs, validationShare, testShare, value, algorithm);
    }

    public TrainingOptions withAlgorithm(Algorithm value) {
        return new TrainingOptions(targetPrecision, seed, epochs, validationShare, testShare, baseRate, value);
    }

    public TrainingOptions withShares(double validation, double test) {
        return new TrainingOptions(targetPrecision, seed, epochs, validation, test, baseRate, algorithm);
    }
}
