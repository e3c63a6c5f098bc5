package dev.integrity.model;

/**
 * Classification quality re-weighted to a base rate: what the model's threshold is expected to give on
 * a population where a share {@code baseRate} of the profiles is fake, from the rates measured on
 * labelled data (see {@link BaseRate} for the formulas). ROC AUC does not depend on the base rate and is
 * carried over as measured.
 *
 * @param recall            the true-positive rate: the share of fakes flagged (the same at every base rate)
 * @param falsePositiveRate the share of genuine profiles flagged (the same at every base rate)
 * @param precision         the expected share of flagged profiles that are fake
 * @param rocAuc            null when the data held one class only
 */
public record BaseRateMetrics(
        double baseRate,
        double threshold,
        double recall,
        double falsePositiveRate,
        double precision,
        double f1,
        double accuracy,
        Double rocAuc) {

    /**
     * Re-weights metrics measured on labelled data to {@code baseRate}.
     *
     * @throws IllegalArgumentException when the data lacked fake or genuine rows (a rate is then unknown)
     */
    public static BaseRateMetrics of(Metrics measured, double baseRate) {
        BaseRate.require(baseRate, "the base rate");
        ConfusionMatrix c = measured.confusionMatrix();
        long fakes = c.truePositives() + c.falseNegatives();
        long genuine = c.falsePositives() + c.trueNegatives();
        if (fakes == 0 || genuine == 0) {
            throw new IllegalArgumentException("re-weighting to a base rate needs both fake and genuine rows; the data has "
                    + (fakes == 0 ? "no fake rows" : "no genuine rows"));
        }
        double tpr = c.truePositives() / (double) fakes;
        double fpr = c.falsePositives() / (double) genuine;
        return new BaseRateMetrics(baseRate, measured.threshold(), tpr, fpr, BaseRate.precision(baseRate, tpr, fpr),
                BaseRate.f1(baseRate, tpr, fpr), BaseRate.accuracy(baseRate, tpr, fpr), measured.rocAuc());
    }

    /** Share of fakes in the data these metrics were measured on; NaN without rows. */
    public static double baseRateOf(Metrics measured) {
        ConfusionMatrix c = measured.confusionMatrix();
        long total = c.total();
        return total == 0 ? Double.NaN : (c.truePositives() + c.falseNegatives()) / (double) total;
    }
}
