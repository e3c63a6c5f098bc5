package dev.integrity.simulator.bench;

import java.io.IOException;
import java.nio.file.Path;

import dev.integrity.simulator.api.SuiteProcess;

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
        String[] args = {"replica", "scoring", action};
        try {
            SuiteProcess.Result result = SuiteProcess.run(suite, TIMEOUT_SECONDS, args);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("'" + SuiteProcess.describe(suite, args) + "' failed (exit " + result.exitCode() + "): "
                        + result.why());
            }
        } catch (SuiteProcess.TimedOut e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + suite + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + SuiteProcess.describe(suite, args) + "'", e);
        }
    }
}
