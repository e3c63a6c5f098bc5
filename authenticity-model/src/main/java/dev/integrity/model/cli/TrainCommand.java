package dev.integrity.model.cli;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BaseRate;
import dev.integrity.model.BaseRateMetrics;
import dev.integrity.model.csv.ProfileCsv;
import dev.integrity.model.csv.ProfileTable;
import dev.integrity.model.train.ModelTrainer;
import dev.integrity.model.train.TrainingOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a model on a labelled profile CSV and writes DIR/model.json.")
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "labelled profile CSV")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write model.json to")
    Path out;

    @Option(names = "--target-precision", paramLabel = "P", defaultValue = "0.99",
            description = "precision the threshold must reach at the base rate on validation (default: ${DEFAULT-VALUE})")
    double targetPrecision;

    @Option(names = "--base-rate", paramLabel = "P",
            description = "share of fakes (0 < P < 1) expected where the model is used; the target precision must hold"
                    + " at it (default: the training data's own share of fakes)")
    Double baseRate;

    @Option(names = "--algorithm", paramLabel = "logistic|forest", defaultValue = "logistic",
            description = "logistic regression (every weight readable) or random forest (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "seed for the split, SGD and the forest (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "SGD passes over the training split, logistic only (default: ${DEFAULT-VALUE})")
    int epochs;

    @Override
    public Integer call() throws Exception {
        TrainingOptions options;
        try {
            if (baseRate != null) {
                BaseRate.require(baseRate, "--base-rate");
            }
            TrainingOptions.Algorithm kind;
            try {
                kind = TrainingOptions.Algorithm.parse(algorithm);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--algorithm must be logistic or forest, got '" + algorithm + "'");
            }
            options = TrainingOptions.defaults().withTargetPrecision(targetPrecision).withSeed(seed).withEpochs(epochs)
                    .withBaseRate(baseRate).withAlgorithm(kind);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ProfileTable table = ProfileCsv.read(data);
        AuthenticityModel model = new ModelTrainer().train(table, options).model();
        Path file = model.save(out);

        PrintWriter w = spec.commandLine().getOut();
        w.printf("model %s (%s) written to %s%n", model.id(), model.kind(), file);
        w.printf("rows %d (%d fake, %d genuine): train %d, validation %d, test %d%n", model.training().rows(),
                model.training().fakeRows(), model.training().genuineRows(), model.training().trainRows(),
                model.training().validationRows(), model.training().testRows());
        w.printf("features (%d): %s%n", model.features().size(), String.join(", ", model.featureNames()));
        w.println(MetricsTable.thresholdLine(model));
        w.println();
        w.printf("held-out test split (base rate of the data %.4f):%n", BaseRateMetrics.baseRateOf(model.metrics()));
        MetricsTable.print(w, model.metrics());
        if (MetricsTable.baseRateGiven(model)) {
            w.println();
            w.printf("held-out test split re-weighted to the base rate %.4f:%n", model.metricsAtBaseRate().baseRate());
            MetricsTable.print(w, model.metricsAtBaseRate());
        }
        return 0;
    }
}
