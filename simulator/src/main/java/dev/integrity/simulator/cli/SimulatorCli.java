package dev.integrity.simulator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The simulator's command line: {@code run} (what {@code ./suite simulate} calls),
 * {@code evaluate-run}, {@code bench} (what {@code ./suite bench} calls), and the operator commands
 * {@code lag} and {@code dlq} ({@code ./suite lag}, {@code ./suite dlq}). Any error prints one
 * line on stderr and exits with 2; a run whose events the gateway rejected exits with 1 after
 * printing them.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = SimulatorCli.Version.class,
        description = "Generates a labelled population and its traffic, sends it through the gateway, and evaluates what the suite "
                + "made of it; benchmarks the suite; shows consumer lag and dead letters, and replays them.",
        subcommands = {RunCommand.class, EvaluateRunCommand.class, BenchCommand.class, LagCommand.class, DlqCommand.class})
public final class SimulatorCli implements Runnable {

    public static final int REJECTED = 1;
    public static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, evaluate-run, bench, lag or dlq");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line in-process with these streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SimulatorCli());
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
        if (cause instanceof java.net.ConnectException) {
            return "cannot connect to the gateway (" + cause.getClass().getSimpleName() + "); is the suite up? (./suite up)";
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return cause instanceof IOException ? cause.getClass().getSimpleName() + ": " + message : message.lines().findFirst().orElse(message);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SimulatorCli.class.getPackage().getImplementationVersion();
            return new String[] {"simulator " + (version == null ? "(development build)" : version)};
        }
    }
}
