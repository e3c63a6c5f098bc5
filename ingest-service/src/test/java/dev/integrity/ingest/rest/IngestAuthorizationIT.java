package dev.integrity.ingest.rest;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.support.testing.AuthorizationMatrix;
import dev.integrity.support.testing.AuthorizationMatrix.Caller;
import dev.integrity.support.testing.AuthorizationMatrix.Route;
import io.quarkus.test.junit.QuarkusTest;

/**
 * No trust in the network: every route of ingest, called directly (not through the gateway), by every
 * kind of caller. No token, an expired one or a forged one is 401; a role the gateway's route does not
 * allow is 403 (a user token reaches nothing here, its own account or another); the right role gets
 * through (whatever the route then answers). Both refusals are problem+json. Probes and metrics stay open.
 */
@QuarkusTest
class IngestAuthorizationIT {

    private static final String ACCOUNT = "auth-acc";

    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/events", Set.of(Caller.INGEST)),
            new Route("GET", "/actions", Set.of(Caller.PLATFORM)),
            new Route("GET", "/actions?limit=5", Set.of(Caller.PLATFORM)),
            new Route("GET", "/actions/enforcements/enf-1", Set.of(Caller.PLATFORM)),
            new Route("GET", "/accounts/" + ACCOUNT + "/ledger", Set.of(Caller.MODERATOR)),
            new Route("GET", "/accounts/" + ACCOUNT + "/activity", Set.of(Caller.MODERATOR)),
            new Route("GET", "/enforcements/enf-1/impact", Set.of(Caller.MODERATOR)));

    static Stream<Object[]> matrix() {
        return AuthorizationMatrix.every(ROUTES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRouteByEveryCaller(Route route, Caller caller) {
        AuthorizationMatrix.check(route, caller, AuthorizationMatrix.token(caller, ACCOUNT, "someone-else"), "{\"eventId\":\"auth-"
                + UUID.randomUUID() + "\",\"type\":\"LOGIN\",\"accountId\":\"" + ACCOUNT + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}");
    }

    @Test
    void probesMetricsAndTheOpenApiDocumentNeedNoToken() {
        AuthorizationMatrix.probesNeedNoToken();
    }
}
