package dev.integrity.simulator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link Replicas} through {@code ./suite replica scoring start|stop}, which knows the JVM options and ports. */
public final class SuiteReplicas implements Replicas {

    private static final long TIMEOUT_SECONDS = 240;

    private final Path suite;

    public SuiteReplicas(Path suite) {
        this.suite = suite;
    }

    @Override
    public void start() {
        run("start");
    }

    @Override
    public void stop() {
        run("stop");
    }

    private void run(String action) {
        List<String> command = List.of(suite.toString(), "replica", "scoring", action);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String text = new String(output, StandardCharsets.UTF_8).strip();
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed (exit " + process.exitValue() + "): "
                        + text.lines().reduce((a, b) -> b).orElse(""));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + suite + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
    }
}
