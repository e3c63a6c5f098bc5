package dev.integrity.model.cli;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BaseRate;
import dev.integrity.model.csv.ProfileTable;
import dev.integrity.model.train.ModelTrainer;
import dev.integrity.model.train.TrainingOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a model on a labelled profile CSV and writes DIR/model.json.")
final class TrainCommand extends CliCommand {

    @Mixin
    DataOption data;

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
        TrainingOptions options = option(() -> {
            if (baseRate != null) {
                BaseRate.require(baseRate, "--base-rate");
            }
            TrainingOptions.Algorithm kind;
            try {
                kind = TrainingOptions.Algorithm.parse(algorithm);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--algorithm must be logistic or forest, got '" + algorithm + "'");
            }
            return TrainingOptions.defaults().withTargetPrecision(targetPrecision).withSeed(seed).withEpochs(epochs)
                    .withBaseRate(baseRate).withAlgorithm(kind);
        });
        ProfileTable table = data.read();
        AuthenticityModel model = new ModelTrainer().train(table, options).model();
        Path file = model.save(out);

        PrintWriter w = out();
        w.printf("model %s (%s) written to %s%n", model.id(), model.kind(), file);
        w.printf("rows %d (%d fake, %d genuine): train %d, validation %d, test %d%n", model.training().rows(),
                model.training().fakeRows(), model.training().genuineRows(), model.training().trainRows(),
                model.training().validationRows(), model.training().testRows());
        w.printf("features (%d): %s%n", model.features().size(), String.join(", ", model.featureNames()));
        w.println(MetricsTable.thresholdLine(model));
        MetricsTable.printHeldOut(w, model);
        return 0;
    }
}
