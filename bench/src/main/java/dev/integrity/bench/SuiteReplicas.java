package dev.integrity.bench;

import dev.integrity.simulator.api.SuiteProcess;
import java.nio.file.Path;

/** {@link Replicas} through {@code ./suite replica scoring start|stop}, which knows the JVM options and ports. */
public record SuiteReplicas(Path suite) implements Replicas {

    private static final long TIMEOUT_SECONDS = 240;

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
        SuiteProcess.Result result = SuiteProcess.call(suite, TIMEOUT_SECONDS, IllegalStateException::new,
                "running '" + SuiteProcess.describe(suite, args) + "'", args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("'" + SuiteProcess.describe(suite, args) + "' failed (exit " + result.exitCode() + "): "
                    + result.why());
        }
    }
}
