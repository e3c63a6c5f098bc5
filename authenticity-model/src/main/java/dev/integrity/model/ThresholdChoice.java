package dev.integrity.model;

/**
 * How the model's threshold was chosen on the validation split.
 *
 * <p>The target precision is met at a base rate, the share of fakes expected where the model is used:
 * from the threshold's rates on validation, {@code precision(π) = π·TPR / (π·TPR + (1 − π)·FPR)}
 * ({@link BaseRate}). Without a base rate given at training it is the training data's own share of fakes.
 *
 * @param targetReached               false when no threshold reached the target precision and the threshold of
 *                                    maximum F1 (at the base rate) was taken
 * @param validationPrecision         precision as measured on the validation split (at its own share of fakes)
 * @param validationRecall            recall on validation (the true-positive rate; it does not depend on the base rate)
 * @param validationFalsePositiveRate share of validation's genuine profiles flagged; null in models from before base rates
 * @param baseRate                    the share of fakes the threshold was chosen for; null in models from before base
 *                                    rates (their threshold was chosen at the training data's share, see
 *                                    {@link AuthenticityModel#baseRate()})
 * @param baseRateSource              {@link #BASE_RATE_OF_DATA} or {@link #BASE_RATE_GIVEN}; null in older models
 * @param expectedPrecision           precision expected at {@code baseRate} from validation's rates; null in older models
 * @param expectedPrecisionLowerBound a cautious precision at {@code baseRate}: with validation's true-positive rate at
 *                                    the lower and its false-positive rate at the upper bound of their 95 % Wilson
 *                                    intervals ({@link BaseRate#precisionLowerBound}). Far below the target when
 *                                    validation holds too few genuine profiles to tell the false-positive rate the
 *                                    target needs; null in older models
 */
public record ThresholdChoice(
        String rule,
        double targetPrecision,
        boolean targetReached,
        double threshold,
        double validationPrecision,
        double validationRecall,
        Double validationFalsePositiveRate,
        Double baseRate,
        String baseRateSource,
        Double expectedPrecision,
        Double expectedPrecisionLowerBound) {

    public static final String TARGET_PRECISION_RULE = "lowest threshold reaching the target precision at the base rate on validation";
    public static final String MAX_F1_RULE = "maximum F1 at the base rate on validation (the target precision was not reachable)";
    public static final String BASE_RATE_OF_DATA = "share of fakes in the training data";
    public static final String BASE_RATE_GIVEN = "given at training (--base-rate)";
}
