package dev.integrity.notify.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.notify.support.SseStream;
import dev.integrity.notify.support.TestData;
import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

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

    enum Caller { INGEST, MODERATOR, PLATFORM, USER_OWN, USER_OTHER, NO_TOKEN, EXPIRED, FORGED }

    record Route(String method, String path, Set<Caller> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/accounts/" + ACCOUNT + "/notifications", Set.of(Caller.MODERATOR, Caller.USER_OWN)),
            new Route("GET", "/accounts/" + ACCOUNT + "/notifications?page=0&size=5", Set.of(Caller.MODERATOR, Caller.USER_OWN)),
            new Route("POST", "/accounts/" + ACCOUNT + "/notifications/00000000-0000-0000-0000-000000000000/read", Set.of(Caller.USER_OWN)),
            new Route("GET", STREAM, Set.of(Caller.MODERATOR, Caller.USER_OWN)));

    static Stream<Object[]> matrix() {
        List<Object[]> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Caller caller : Caller.values()) {
                cases.add(new Object[] { route, caller });
            }
        }
        return cases.stream();
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case INGEST -> Tokens.ingest();
            case MODERATOR -> Tokens.moderator();
            case PLATFORM -> Tokens.platform();
            case USER_OWN -> Tokens.user(ACCOUNT);
            case USER_OTHER -> Tokens.user(TestData.newAccount());
            case NO_TOKEN -> null;
            case EXPIRED -> Tokens.expired();
            case FORGED -> Tokens.forged();
        };
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRouteByEveryCaller(Route route, Caller caller) throws Exception {
        String token = token(caller);
        boolean refused = Set.of(Caller.NO_TOKEN, Caller.EXPIRED, Caller.FORGED).contains(caller) || !route.allowed().contains(caller);
        if (route.path().equals(STREAM) && !refused) {
            // Let through, the stream stays open: its status is all there is to see.
            try (SseStream stream = SseStream.open(URI.create(RestAssured.baseURI + ":" + RestAssured.port + STREAM), "en", token)) {
                assertEquals(200, stream.status(), route + " as " + caller);
            }
            return;
        }
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        Response response = request.when().request(route.method(), route.path());
        int status = response.statusCode();
        String what = route + " as " + caller + ": " + status + " " + response.asString();
        if (Set.of(Caller.NO_TOKEN, Caller.EXPIRED, Caller.FORGED).contains(caller)) {
            assertEquals(401, status, what);
            assertEquals("Bearer", response.header("WWW-Authenticate"), what);
        } else if (refused) {
            assertEquals(403, status, what);
        } else {
            assertFalse(status == 401 || status == 403, what);
            assertTrue(status < 500, what);
            return;
        }
        assertTrue(response.contentType().startsWith("application/problem+json"), what + " (" + response.contentType() + ")");
    }

    @Test
    void probesMetricsAndTheOpenApiDocumentNeedNoToken() {
        for (String path : List.of("/q/health/live", "/q/metrics", "/q/openapi")) {
            given().when().get(path).then().statusCode(200);
        }
        given().auth().oauth2(Tokens.forged()).when().get("/q/health/live").then().statusCode(200);
    }
}
