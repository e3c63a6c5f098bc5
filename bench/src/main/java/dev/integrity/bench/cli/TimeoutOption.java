package dev.integrity.bench.cli;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --timeout S}: how long the operator commands wait for each of Kafka's answers. */
final class TimeoutOption {

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10", description = "seconds to wait for Kafka's answers (default: ${DEFAULT-VALUE})")
    int seconds;

    void check(CommandLine commandLine) {
        if (seconds < 1 || seconds > 600) {
            throw new CommandLine.ParameterException(commandLine, "--timeout must be between 1 and 600 seconds, not " + seconds);
        }
    }

    Duration duration() {
        return Duration.ofSeconds(seconds);
    }
}
