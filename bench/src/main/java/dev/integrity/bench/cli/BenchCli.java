package dev.integrity.bench.cli;

import dev.integrity.model.cli.CliMain;
import dev.integrity.model.cli.CliRunner;
import dev.integrity.simulator.cli.SimulatorCli;
import picocli.CommandLine.Command;

/**
 * The benchmark's command line: {@code bench} (what {@code ./suite bench} calls) and the operator commands
 * {@code lag} and {@code dlq} ({@code ./suite lag}, {@code ./suite dlq}). Any error prints one line on stderr
 * and exits with 2 ({@link CliRunner}); each command's help lists its other exit codes.
 */
@Command(name = "bench-cli", mixinStandardHelpOptions = true, versionProvider = CliRunner.Version.class,
        description = "Benchmarks the running suite; shows consumer lag and dead letters, and replays them.",
        subcommands = {BenchCommand.class, LagCommand.class, DlqCommand.class})
public final class BenchCli extends CliMain {

    public static void main(String[] args) {
        CliRunner.main(new BenchCli(), args);
    }

    @Override
    protected String describe(Throwable e) {
        return SimulatorCli.describeFailure(e);
    }
}
