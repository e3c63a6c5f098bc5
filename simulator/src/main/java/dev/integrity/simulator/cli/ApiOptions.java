package dev.integrity.simulator.cli;

import dev.integrity.simulator.api.HttpSuiteApi;
import dev.integrity.simulator.api.Role;
import dev.integrity.simulator.api.SuiteTokenSource;
import dev.integrity.simulator.api.TokenSource;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the gateway is and where tokens come from; shared by both commands. */
final class ApiOptions {

    @Mixin
    GatewayOption gateway;

    @Option(names = "--moderator-token", paramLabel = "JWT", defaultValue = "${env:MODERATOR_TOKEN}",
            description = "moderator token for reading the suite's view (default: env MODERATOR_TOKEN, else ./suite token moderator)")
    String moderatorToken;

    @Option(names = "--suite", paramLabel = "PATH", defaultValue = "./suite",
            description = "the suite command, to get tokens with 'token ROLE [ACCOUNT]' (default: ${DEFAULT-VALUE})")
    Path suite;

    /** Given tokens first (the ingest one may be null), then ./suite token; cached. */
    TokenSource tokens(String ingestToken) {
        Map<Role, String> given = new EnumMap<>(Role.class);
        given.put(Role.MODERATOR, moderatorToken);
        given.put(Role.INGEST, ingestToken);
        return TokenSource.preferring(given, new SuiteTokenSource(suite)).cached();
    }

    HttpSuiteApi suite(TokenSource tokens) {
        return new HttpSuiteApi(gateway.client(), gateway.url, tokens);
    }
}
