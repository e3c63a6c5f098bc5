package dev.integrity.simulator.cli;

import dev.integrity.simulator.api.SuiteApi;
import dev.integrity.simulator.evaluation.Evaluation;
import dev.integrity.simulator.evaluation.EvaluationReport;
import dev.integrity.simulator.evaluation.ReportJson;
import dev.integrity.simulator.evaluation.ReportTable;
import dev.integrity.simulator.model.TruthRecord;
import dev.integrity.simulator.send.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The suite's API (where, and with which tokens), how the evaluation waits for and reads it, and where its report goes;
 * shared by both commands.
 */
final class EvaluationOptions {

    @Mixin
    ApiOptions api;

    @Option(names = "--settle-seconds", paramLabel = "S", defaultValue = "90",
            description = "longest wait for a quiet pipeline before evaluating (default: ${DEFAULT-VALUE})")
    int settleSeconds;

    @Option(names = "--quiet-seconds", paramLabel = "S", defaultValue = "10",
            description = "how long nothing may change to count as quiet (default: ${DEFAULT-VALUE})")
    int quietSeconds;

    @Option(names = "--read-concurrency", paramLabel = "N", defaultValue = "8",
            description = "API requests in flight while reading the suite's view (default: ${DEFAULT-VALUE})")
    int readConcurrency;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "target/simulation/evaluation.json",
            description = "where to write the evaluation as JSON (default: ${DEFAULT-VALUE})")
    Path report;

    Evaluation.Options options() {
        if (settleSeconds < 0 || quietSeconds < 0) {
            throw new IllegalArgumentException("--settle-seconds and --quiet-seconds must not be negative");
        }
        if (readConcurrency < 1 || readConcurrency > 64) {
            throw new IllegalArgumentException("--read-concurrency must be between 1 and 64, not " + readConcurrency);
        }
        return new Evaluation.Options(Duration.ofSeconds(settleSeconds), Duration.ofSeconds(quietSeconds), Duration.ofSeconds(2),
                readConcurrency);
    }

    /** Waits for a quiet pipeline, then compares what the suite shows with the truth. */
    EvaluationReport evaluate(SuiteApi suite, List<TruthRecord> truth, PrintWriter w) throws InterruptedException {
        return new Evaluation(suite, options(), Clock.systemUTC(), Sleeper.REAL, w).run(truth, api.gateway.url);
    }

    /** The evaluation as a table on {@code w} and as JSON in {@code --report}. */
    void write(EvaluationReport evaluation, PrintWriter w) throws IOException {
        ReportTable.print(evaluation, w);
        ReportJson.write(report, evaluation);
        w.println("evaluation written to " + report);
    }
}
