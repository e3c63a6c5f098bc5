package dev.integrity.model.train;

/**
 * @param targetPrecision the precision the threshold must reach on validation (wrongful flags are the worst failure)
 * @param seed            for the split and for SGD's shuffling
 * @param epochs          passes of SGD over the training split
 * @param validationShare share of each class held out to choose the threshold
 * @param testShare       share of each class held out to measure the model
 */
public record TrainingOptions(double targetPrecision, long seed, int epochs, double validationShare, double testShare) {

    public static final double DEFAULT_TARGET_PRECISION = 0.99;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_EPOCHS = 20;

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
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(DEFAULT_TARGET_PRECISION, DEFAULT_SEED, DEFAULT_EPOCHS, 0.2, 0.2);
    }

    public TrainingOptions withTargetPrecision(double value) {
        return new TrainingOptions(value, seed, epochs, validationShare, testShare);
    }

    public TrainingOptions withSeed(long value) {
        return new TrainingOptions(targetPrecision, value, epochs, validationShare, testShare);
    }

    public TrainingOptions withEpochs(int value) {
        return new TrainingOptions(targetPrecision, seed, value, validationShare, testShare);
    }
}
