package dev.integrity.model.cli;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.ThresholdChoice;
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
            description = "precision the threshold must reach on validation (default: ${DEFAULT-VALUE})")
    double targetPrecision;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "seed for the split and SGD (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "SGD passes over the training split (default: ${DEFAULT-VALUE})")
    int epochs;

    @Override
    public Integer call() throws Exception {
        TrainingOptions options;
        try {
            options = TrainingOptions.defaults().withTargetPrecision(targetPrecision).withSeed(seed).withEpochs(epochs);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ProfileTable table = ProfileCsv.read(data);
        AuthenticityModel model = new ModelTrainer().train(table, options).model();
        Path file = model.save(out);

        PrintWriter w = spec.commandLine().getOut();
        ThresholdChoice choice = model.thresholdChoice();
        w.printf("model %s written to %s%n", model.id(), file);
        w.printf("rows %d (%d fake, %d genuine): train %d, validation %d, test %d%n", model.training().rows(),
                model.training().fakeRows(), model.training().genuineRows(), model.training().trainRows(),
                model.training().validationRows(), model.training().testRows());
        w.printf("features (%d): %s%n", model.features().size(), String.join(", ", model.featureNames()));
        w.printf("threshold %.4f: %s (validation precision %.4f, recall %.4f)%n", model.threshold(), choice.rule(),
                choice.validationPrecision(), choice.validationRecall());
        w.println();
        w.println("held-out test split:");
        MetricsTable.print(w, model.metrics());
        return 0;
    }
}
