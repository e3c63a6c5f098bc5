package dev.integrity.notify.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.notify.support.SseStream;
import dev.integrity.notify.support.TestData;
import dev.integrity.support.testing.AuthorizationMatrix;
import dev.integrity.support.testing.AuthorizationMatrix.Caller;
import dev.integrity.support.testing.AuthorizationMatrix.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * No trust in the network: every route of notify, called directly (not through the gateway), by every
 * kind of caller, with the gateway's rules: an inbox and its live stream for the account's own user or
 * a moderator, marking a message read for the account's own user alone. No token, an expired one or a
 * forged one is 401, another role or another account's user 403, both problem+json; the right caller
 * gets through. Probes and metrics stay open.
 */
@QuarkusTest
class NotifyAuthorizationIT {

    private static final String ACCOUNT = TestData.newAccount();
    private static final String STREAM = "/accounts/" + ACCOUNT + "/notifications/stream";

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/accounts/" + ACCOUNT + "/notifications", Set.of(Caller.MODERATOR, Caller.USER_OWN)),
            new Route("GET", "/accounts/" + ACCOUNT + "/notifications?page=0&size=5", Set.of(Caller.MODERATOR, Caller.USER_OWN)),
            new Route("POST", "/accounts/" + ACCOUNT + "/notifications/00000000-0000-0000-0000-000000000000/read", Set.of(Caller.USER_OWN)),
            new Route("GET", STREAM, Set.of(Caller.MODERATOR, Caller.USER_OWN)));

    static Stream<Object[]> matrix() {
        return AuthorizationMatrix.every(ROUTES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRouteByEveryCaller(Route route, Caller caller) throws Exception {
        String token = AuthorizationMatrix.token(caller, ACCOUNT, TestData.newAccount());
        if (route.path().equals(STREAM) && !route.refuses(caller)) {
            // Let through, the stream stays open: its status is all there is to see.
            try (SseStream stream = SseStream.open(URI.create(RestAssured.baseURI + ":" + RestAssured.port + STREAM), "en", token)) {
                assertEquals(200, stream.status(), route + " as " + caller);
            }
            return;
        }
        AuthorizationMatrix.check(route, caller, token, null);
    }

    @Test
    void probesMetricsAndTheOpenApiDocumentNeedNoToken() {
        AuthorizationMatrix.probesNeedNoToken();
    }
}
