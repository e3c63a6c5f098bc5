package dev.integrity.simulator.cli;

import dev.integrity.simulator.api.Role;
import dev.integrity.simulator.api.TokenSource;
import dev.integrity.simulator.evaluation.Evaluation;
import dev.integrity.simulator.evaluation.EvaluationReport;
import dev.integrity.simulator.evaluation.ReportJson;
import dev.integrity.simulator.evaluation.ReportTable;
import dev.integrity.simulator.model.TruthFile;
import dev.integrity.simulator.model.TruthRecord;
import dev.integrity.simulator.send.Sleeper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Evaluates an earlier run from its truth file against what the suite shows now. */
@Command(name = "evaluate-run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Waits for a quiet pipeline, reads the suite's view of a simulated population and compares it with the truth.")
final class EvaluateRunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--truth", paramLabel = "FILE", defaultValue = "target/simulation/truth.csv",
            description = "the run's truth file (default: ${DEFAULT-VALUE})")
    Path truth;

    @Mixin
    ApiOptions api;

    @Mixin
    EvaluationOptions evaluation;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Evaluation.Options options = evaluation.options();
        List<TruthRecord> records = TruthFile.read(truth);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(truth + " has no accounts");
        }
        TokenSource tokens = api.tokens(null);
        tokens.token(Role.MODERATOR, null);
        EvaluationReport report = new Evaluation(api.api(tokens), options, Clock.systemUTC(), Sleeper.REAL, w).run(records,
                api.gateway);
        ReportTable.print(report, w);
        ReportJson.write(evaluation.report, report);
        w.println("evaluation written to " + evaluation.report);
        return 0;
    }
}
