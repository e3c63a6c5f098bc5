package dev.integrity.simulator.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./suite token ROLE [ACCOUNT_ID]} and takes the JWT it prints; ACCOUNT_ID (the token's sub) is passed when given. */
public final class SuiteTokenSource implements TokenSource {

    private static final long TIMEOUT_SECONDS = 30;

    private final Path suite;

    public SuiteTokenSource(Path suite) {
        this.suite = suite;
    }

    @Override
    public String token(Role role, String accountId) {
        if (!Files.isRegularFile(suite)) {
            throw new TokenException("cannot get a " + role.cliName() + " token: there is no " + suite
                    + " (pass --suite PATH, or the token itself)");
        }
        List<String> command = new ArrayList<>(List.of(suite.toString(), "token", role.cliName()));
        if (role == Role.USER || accountId != null) {
            command.add(accountId); // the token's sub; for ingest and moderator tokens optional (e.g. several ingest clients)
        }
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close(); // nothing to say to it
            byte[] out;
            byte[] err;
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                out = stdout.readAllBytes();
                err = stderr.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TokenException("'" + String.join(" ", command) + "' did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String token = lastLine(new String(out, StandardCharsets.UTF_8));
            if (process.exitValue() != 0 || token.split("\\.").length != 3) {
                String why = lastLine(new String(err, StandardCharsets.UTF_8));
                throw new TokenException("'" + String.join(" ", command) + "' failed (exit " + process.exitValue() + ")"
                        + (why.isEmpty() ? "" : ": " + why));
            }
            return token;
        } catch (IOException e) {
            throw new TokenException("cannot run " + suite + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("interrupted while getting a token", e);
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
