package dev.integrity.model.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;

/**
 * How the suite's plain Java command lines run (the model tools, the simulator, the benchmark): picocli on
 * the given streams, and any error, a bad option as much as a failure, is one line {@code error: ...} on
 * stderr and exit code {@link #ERROR}. Otherwise the exit code is the command's own.
 */
public final class CliRunner {

    public static final int ERROR = 2;

    /** What an in-process run printed, and its exit code. */
    public record Captured(int code, String out, String err) {
    }

    private CliRunner() {
    }

    /** Runs on the process's own streams and exits with the command's exit code. */
    public static void main(CliMain command, String[] args) {
        System.exit(execute(command, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line in-process with these streams; returns the exit code. */
    public static int execute(CliMain command, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, ignored) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
            return ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + command.describe(e));
            return ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs the command line in-process and keeps what it printed. */
    public static Captured capture(CliMain command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = execute(command, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Captured(code, out.toString(), err.toString());
    }

    /** A failure as one line: a missing or unreadable file by its name, an I/O error with its kind, else the message's first line. */
    public static String describe(Throwable e) {
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
        return cause instanceof IOException ? cause.getClass().getSimpleName() + ": " + message : message.lines().findFirst().orElse(message);
    }

    /** {@code a, b or c} */
    static String oneOf(List<String> names) {
        return names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /** The version line of {@code --version}: the command's name and its jar's version. */
    public static final class Version implements CommandLine.IVersionProvider {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            String version = spec.userObject().getClass().getPackage().getImplementationVersion();
            return new String[] {spec.name() + " " + (version == null ? "(development build)" : version)};
        }
    }
}
