package dev.integrity.model.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The authenticity model's command line: {@code train}, {@code evaluate}, {@code show}, {@code generate}, {@code bench}.
 * Any error prints one line on stderr and exits with 2.
 */
@Command(name = "authenticity-model", mixinStandardHelpOptions = true, versionProvider = ModelCli.Version.class,
        description = "Trains, evaluates, shows and benchmarks the authenticity model on labelled profile CSVs.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ShowCommand.class, GenerateCommand.class,
                BenchCommand.class})
public final class ModelCli implements Runnable {

    public static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: train, evaluate, show, generate or bench");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line in-process with these streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ModelCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, ignored) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
            return ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + describe(e));
            return ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return cause instanceof IOException ? cause.getClass().getSimpleName() + ": " + message : message;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ModelCli.class.getPackage().getImplementationVersion();
            return new String[] {"authenticity-model " + (version == null ? "(development build)" : version)};
        }
    }
}
