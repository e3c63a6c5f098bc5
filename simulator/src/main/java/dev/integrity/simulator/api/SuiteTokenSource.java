package dev.integrity.simulator.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code ./suite token ROLE [ACCOUNT_ID]} and takes the JWT it prints; ACCOUNT_ID (the token's sub) is passed when given. */
public record SuiteTokenSource(Path suite) implements TokenSource {

    private static final long TIMEOUT_SECONDS = 30;

    @Override
    public String token(Role role, String accountId) {
        if (!Files.isRegularFile(suite)) {
            throw new TokenException("cannot get a " + role.cliName() + " token: there is no " + suite
                    + " (pass --suite PATH, or the token itself)");
        }
        List<String> args = new ArrayList<>(List.of("token", role.cliName()));
        if (role == Role.USER || accountId != null) {
            args.add(accountId); // the token's sub; for ingest and moderator tokens optional (e.g. several ingest clients)
        }
        String[] argv = args.toArray(String[]::new);
        SuiteProcess.Result result = SuiteProcess.call(suite, TIMEOUT_SECONDS, TokenException::new, "getting a token", argv);
        String token = result.lastOut();
        if (result.exitCode() != 0 || token.split("\\.").length != 3) {
            String why = result.lastErr();
            throw new TokenException("'" + SuiteProcess.describe(suite, argv) + "' failed (exit " + result.exitCode() + ")"
                    + (why.isEmpty() ? "" : ": " + why));
        }
        return token;
    }
}
