package dev.integrity.model.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * A command line's top level: without a command it names the commands there are, as a one-line error.
 * Subclasses carry the {@code @Command} with their name, description and subcommands, and
 * {@code versionProvider = CliRunner.Version.class}.
 */
public abstract class CliMain implements Runnable {

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: " + CliRunner.oneOf(List.copyOf(spec.subcommands().keySet())));
    }

    /** A command's failure as the one line after {@code error: }. */
    protected String describe(Throwable e) {
        return CliRunner.describe(e);
    }
}
