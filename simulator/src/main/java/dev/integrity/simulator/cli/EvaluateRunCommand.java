package dev.integrity.simulator.cli;

import dev.integrity.model.cli.CliCommand;
import dev.integrity.simulator.api.Role;
import dev.integrity.simulator.api.TokenSource;
import dev.integrity.simulator.model.TruthFile;
import dev.integrity.simulator.model.TruthRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Evaluates an earlier run from its truth file against what the suite shows now. */
@Command(name = "evaluate-run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Waits for a quiet pipeline, reads the suite's view of a simulated population and compares it with the truth.")
final class EvaluateRunCommand extends CliCommand {

    @Option(names = "--truth", paramLabel = "FILE", defaultValue = "target/simulation/truth.csv",
            description = "the run's truth file (default: ${DEFAULT-VALUE})")
    Path truth;

    @Mixin
    EvaluationOptions evaluation;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = out();
        evaluation.options(); // a bad option fails before anything is read
        List<TruthRecord> records = TruthFile.read(truth);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(truth + " has no accounts");
        }
        TokenSource tokens = evaluation.api.tokens(null);
        tokens.token(Role.MODERATOR, null);
        evaluation.write(evaluation.evaluate(evaluation.api.suite(tokens), records, w), w);
        return 0;
    }
}
