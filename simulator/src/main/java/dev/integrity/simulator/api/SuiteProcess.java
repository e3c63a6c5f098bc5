package dev.integrity.simulator.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./suite} with arguments and answers what it printed: the one way the simulator asks the suite for something. */
public final class SuiteProcess {

    /** How a run ended: its exit code and the last line it printed on each stream ("" for none). */
    public record Result(int exitCode, String lastOut, String lastErr) {

        /** The line that explains a failure: the last on stderr, else the last on stdout. */
        public String why() {
            return lastErr.isEmpty() ? lastOut : lastErr;
        }
    }

    /** The run did not finish in time; it was killed. */
    public static final class TimedOut extends Exception {
        TimedOut(String message) {
            super(message);
        }
    }

    /** How a caller fails: its own exception from a message and the cause. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(String message, Throwable cause);
    }

    private SuiteProcess() {
    }

    /**
     * {@link #run}, with every way of not getting an answer (timed out, not runnable, interrupted while
     * {@code doing}) as the caller's own failure.
     */
    public static Result call(Path suite, long timeoutSeconds, Failure failure, String doing, String... args) {
        try {
            return run(suite, timeoutSeconds, args);
        } catch (TimedOut e) {
            throw failure.of(e.getMessage(), e);
        } catch (IOException e) {
            throw failure.of("cannot run " + suite + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.of("interrupted while " + doing, e);
        }
    }

    public static Result run(Path suite, long timeoutSeconds, String... args) throws IOException, InterruptedException, TimedOut {
        List<String> command = command(suite, args);
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close(); // nothing to say to it
        byte[] out;
        byte[] err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            out = stdout.readAllBytes();
            err = stderr.readAllBytes();
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new TimedOut("'" + String.join(" ", command) + "' did not finish within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), lastLine(new String(out, StandardCharsets.UTF_8)), lastLine(new String(err, StandardCharsets.UTF_8)));
    }

    /** The command line, for messages. */
    public static String describe(Path suite, String... args) {
        return String.join(" ", command(suite, args));
    }

    private static List<String> command(Path suite, String... args) {
        List<String> command = new ArrayList<>(List.of(suite.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
