package dev.integrity.model.cli;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BaseRateMetrics;
import dev.integrity.model.ConfusionMatrix;
import dev.integrity.model.Metrics;
import dev.integrity.model.ThresholdChoice;
import java.io.PrintWriter;
import java.util.Locale;

/** Metrics as small readable tables. */
final class MetricsTable {

    private MetricsTable() {
    }

    static void print(PrintWriter w, Metrics m) {
        w.printf("  rows        %d%n", m.rows());
        w.printf("  threshold   %.4f%n", m.threshold());
        w.printf("  accuracy    %.4f%n", m.accuracy());
        w.printf("  precision   %.4f%n", m.precision());
        w.printf("  recall      %.4f%n", m.recall());
        w.printf("  F1          %.4f%n", m.f1());
        w.printf("  ROC AUC     %s%n", m.rocAuc() == null ? "n/a (one class only)" : String.format("%.4f", m.rocAuc()));
        ConfusionMatrix c = m.confusionMatrix();
        w.println();
        w.printf("  %-16s %16s %19s%n", "", "predicted fake", "predicted genuine");
        w.printf("  %-16s %16s %19s%n", "actual fake", "TP " + c.truePositives(), "FN " + c.falseNegatives());
        w.printf("  %-16s %16s %19s%n", "actual genuine", "FP " + c.falsePositives(), "TN " + c.trueNegatives());
    }

    /** Metrics re-weighted to a base rate, with what they mean per 10,000 profiles. */
    static void print(PrintWriter w, BaseRateMetrics m) {
        w.printf("  base rate            %.4f%n", m.baseRate());
        w.printf("  threshold            %.4f%n", m.threshold());
        w.printf("  precision            %.4f%n", m.precision());
        w.printf("  recall (TPR)         %.4f%n", m.recall());
        w.printf("  false-positive rate  %.4f%n", m.falsePositiveRate());
        w.printf("  F1                   %.4f%n", m.f1());
        w.printf("  accuracy             %.4f%n", m.accuracy());
        w.printf("  ROC AUC              %s%n", m.rocAuc() == null ? "n/a (one class only)"
                : String.format("%.4f (the same at every base rate)", m.rocAuc()));
        double fakes = 10_000 * m.baseRate();
        w.printf("  per 10,000 profiles: %s of %s fakes flagged, %s genuine profiles flagged%n",
                count(fakes * m.recall()), count(fakes), count((10_000 - fakes) * m.falsePositiveRate()));
    }

    /** The line that says which base rate a model's threshold was chosen for. */
    static String thresholdLine(AuthenticityModel model) {
        ThresholdChoice choice = model.thresholdChoice();
        String line = String.format(Locale.ROOT, "threshold %.4f", model.threshold());
        if (choice == null) {
            return line;
        }
        line += ": " + choice.rule();
        if (model.baseRate().isPresent()) {
            line += String.format(Locale.ROOT, "%n  base rate %.4f (%s), target precision %.4f, expected precision %.4f%s,"
                            + " recall %.4f on validation",
                    model.baseRate().getAsDouble(),
                    choice.baseRateSource() != null ? choice.baseRateSource() : ThresholdChoice.BASE_RATE_OF_DATA,
                    choice.targetPrecision(), model.expectedPrecision().orElse(Double.NaN),
                    choice.expectedPrecisionLowerBound() == null ? ""
                            : String.format(Locale.ROOT, " (95 %% lower bound %.4f)", choice.expectedPrecisionLowerBound()),
                    choice.validationRecall());
        }
        if (uncertain(choice) && model.validationMetrics() != null) {
            ConfusionMatrix v = model.validationMetrics().confusionMatrix();
            line += String.format(Locale.ROOT, "%n  note: the threshold rests on %d false positive%s among %d genuine validation"
                            + " profiles; at the 95 %% bound %.1f %% of flags could be wrong, more than twice the %.1f %% the"
                            + " target allows. More labelled genuine profiles narrow it.", v.falsePositives(),
                    v.falsePositives() == 1 ? "" : "s", v.falsePositives() + v.trueNegatives(),
                    100 * (1 - choice.expectedPrecisionLowerBound()), 100 * (1 - choice.targetPrecision()));
        }
        return line;
    }

    /** True when the cautious precision allows more than twice the wrongful flags the target allows. */
    static boolean uncertain(ThresholdChoice choice) {
        return choice.targetReached() && choice.expectedPrecisionLowerBound() != null
                && 1 - choice.expectedPrecisionLowerBound() > 2 * (1 - choice.targetPrecision());
    }

    /** The held-out test split's metrics as measured and, if the model was trained for a base rate, re-weighted to it. */
    static void printHeldOut(PrintWriter w, AuthenticityModel model) {
        if (model.metrics() != null) {
            w.println();
            w.printf("held-out test split (base rate of the data %.4f):%n", BaseRateMetrics.baseRateOf(model.metrics()));
            print(w, model.metrics());
        }
        if (baseRateGiven(model)) {
            w.println();
            w.printf("held-out test split re-weighted to the base rate %.4f:%n", model.metricsAtBaseRate().baseRate());
            print(w, model.metricsAtBaseRate());
        }
    }

    /**
     * True when the model's threshold was chosen for a base rate given at training; otherwise its
     * {@code metricsAtBaseRate} are the test split's own, re-weighted to about the share they were measured at.
     */
    private static boolean baseRateGiven(AuthenticityModel model) {
        return model.metricsAtBaseRate() != null && model.thresholdChoice() != null
                && ThresholdChoice.BASE_RATE_GIVEN.equals(model.thresholdChoice().baseRateSource());
    }

    private static String count(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
