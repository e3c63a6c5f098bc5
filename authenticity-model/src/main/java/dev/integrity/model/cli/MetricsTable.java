package dev.integrity.model.cli;

import dev.integrity.model.ConfusionMatrix;
import dev.integrity.model.Metrics;
import java.io.PrintWriter;

/** Metrics as a small readable table. */
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
}
