package dev.integrity.model.cli;

import picocli.CommandLine.Command;

/**
 * The authenticity model's command line: {@code train}, {@code evaluate}, {@code show}, {@code generate}, {@code bench}.
 * Any error prints one line on stderr and exits with 2 ({@link CliRunner}).
 */
@Command(name = "authenticity-model", mixinStandardHelpOptions = true, versionProvider = CliRunner.Version.class,
        description = "Trains, evaluates, shows and benchmarks the authenticity model on labelled profile CSVs.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ShowCommand.class, GenerateCommand.class,
                BenchCommand.class})
public final class ModelCli extends CliMain {

    public static void main(String[] args) {
        CliRunner.main(new ModelCli(), args);
    }
}
