package dev.integrity.simulator.cli;

import dev.integrity.simulator.evaluation.Evaluation;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How the evaluation waits and reads, and where its report goes; shared by both commands. */
final class EvaluationOptions {

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
}
