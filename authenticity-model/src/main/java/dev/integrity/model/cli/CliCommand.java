package dev.integrity.model.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;

/** A command of one of the suite's command lines: its streams, and its options' checks as picocli's one-line errors. */
public abstract class CliCommand implements Callable<Integer> {

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A bad option: printed as {@code error: MESSAGE (see --help)}, exit code {@link CliRunner#ERROR}. */
    protected CommandLine.ParameterException badOption(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Fails as {@link #badOption} unless {@code ok}. */
    protected void check(boolean ok, String message) {
        if (!ok) {
            throw badOption(message);
        }
    }

    /** An option's value as its own parser or check makes it; the IllegalArgumentException it throws is a bad option. */
    protected <T> T option(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw badOption(e.getMessage());
        }
    }
}
