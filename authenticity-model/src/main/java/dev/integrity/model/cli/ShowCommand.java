package dev.integrity.model.cli;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BaseRate;
import dev.integrity.model.BaseRateMetrics;
import dev.integrity.model.ModelFeature;
import dev.integrity.model.TrainingData;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What a model is: its kind, training, features, threshold with its base rate, and held-out metrics. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints a model's metadata: kind, training data, features, threshold and the base rate it was"
                + " chosen for, held-out metrics.")
final class ShowCommand extends CliCommand {

    @Mixin
    ModelOption modelDir;

    @Option(names = "--base-rate", paramLabel = "P",
            description = "also re-weight the held-out test split's metrics to this share of fakes (0 < P < 1)")
    Double baseRate;

    @Override
    public Integer call() throws Exception {
        if (baseRate != null) {
            option(() -> BaseRate.require(baseRate, "--base-rate"));
        }
        AuthenticityModel model = modelDir.load();
        PrintWriter w = out();
        w.printf("model %s (%s, format %d), created %s%n", model.id(), model.kind(), model.format(), model.createdAt());
        w.printf("%s, %s%n", model.library(), model.algorithm());
        if (model.forest() != null) {
            w.printf("%d trees, %d nodes%n", model.forest().trees().size(),
                    model.forest().trees().stream().mapToInt(t -> t.nodes()).sum());
        }
        TrainingData t = model.training();
        if (t != null) {
            w.printf("trained on %s (SHA-256 %s): %d rows (%d fake, %d genuine), seed %d%n", t.dataSource(),
                    t.dataSha256(), t.rows(), t.fakeRows(), t.genuineRows(), t.seed());
        }
        w.printf("needs columns: %s%n", String.join(", ", model.requiredColumns()));
        printFeatures(w, model);
        w.println(MetricsTable.thresholdLine(model));
        MetricsTable.printHeldOut(w, model);
        if (baseRate != null && model.metrics() != null) {
            w.println();
            w.printf("held-out test split re-weighted to the base rate %.4f:%n", baseRate);
            MetricsTable.print(w, BaseRateMetrics.of(model.metrics(), baseRate));
        }
        return 0;
    }

    private static void printFeatures(PrintWriter w, AuthenticityModel model) {
        boolean logistic = model.forest() == null;
        boolean importance = model.features().stream().allMatch(f -> f.importance() != null);
        List<ModelFeature> features = importance
                ? model.features().stream().sorted(Comparator.comparingDouble(ModelFeature::importance).reversed()).toList()
                : model.features();
        w.printf("features (%d)%s:%n", features.size(), importance ? ", most important first" : "");
        for (ModelFeature f : features) {
            StringBuilder line = new StringBuilder(String.format("  %-26s", f.name()));
            if (logistic) {
                line.append(String.format("  weight %+.3f", f.weight()));
            }
            if (f.importance() != null) {
                line.append(String.format("  importance %.3f", f.importance()));
            }
            w.println(line);
        }
        if (importance) {
            w.println("  (importance: mean absolute contribution to the log-odds on the validation split)");
        }
    }
}
