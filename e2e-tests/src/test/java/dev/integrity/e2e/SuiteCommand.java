package dev.integrity.e2e;

import java.io.File;
import java.util.concurrent.TimeUnit;

/** Runs ./suite from the repository root, for tests that stop and start components on purpose. */
final class SuiteCommand {

    private SuiteCommand() {
    }

    static void run(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "./suite";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(new File("..")).inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("./suite " + String.join(" ", args) + " failed");
            }
        } catch (Exception e) {
            throw new IllegalStateException("./suite " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
    }
}
