package dev.integrity.model;

/**
 * How the model's threshold was chosen on the validation split.
 *
 * @param targetReached false when no threshold reached the target precision and the threshold of maximum F1 was taken
 */
public record ThresholdChoice(
        String rule,
        double targetPrecision,
        boolean targetReached,
        double threshold,
        double validationPrecision,
        double validationRecall) {

    public static final String TARGET_PRECISION_RULE = "lowest threshold reaching the target precision on validation";
    public static final String MAX_F1_RULE = "maximum F1 on validation (the target precision was not reachable)";
}
