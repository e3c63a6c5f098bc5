package dev.integrity.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * No trust in the network: every route of ingest, called directly (not through the gateway), by every
 * kind of caller. No token, an expired one or a forged one is 401; a role the gateway's route does not
 * allow is 403 (a user token reaches nothing here, its own account or another); the right role gets
 * through (whatever the route then answers). Both refusals are problem+json. Probes and metrics stay open.
 */
@QuarkusTest
class IngestAuthorizationIT {

    private static final String ACCOUNT = "auth-acc";

    enum Caller { INGEST, MODERATOR, PLATFORM, USER_OWN, USER_OTHER, NO_TOKEN, EXPIRED, FORGED }

    record Route(String method, String path, Caller allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/events", Caller.INGEST),
            new Route("GET", "/actions", Caller.PLATFORM),
            new Route("GET", "/actions?limit=5", Caller.PLATFORM),
            new Route("GET", "/actions/enforcements/enf-1", Caller.PLATFORM),
            new Route("GET", "/accounts/" + ACCOUNT + "/ledger", Caller.MODERATOR),
            new Route("GET", "/accounts/" + ACCOUNT + "/activity", Caller.MODERATOR),
            new Route("GET", "/enforcements/enf-1/impact", Caller.MODERATOR));

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
            case USER_OTHER -> Tokens.user("someone-else");
            case NO_TOKEN -> null;
            case EXPIRED -> Tokens.expired();
            case FORGED -> Tokens.forged();
        };
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRouteByEveryCaller(Route route, Caller caller) {
        RequestSpecification request = given().contentType("application/json");
        String token = token(caller);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (route.method().equals("POST")) {
            request = request.body("{\"eventId\":\"auth-" + UUID.randomUUID()
                    + "\",\"type\":\"LOGIN\",\"accountId\":\"" + ACCOUNT + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}");
        }
        Response response = request.when().request(route.method(), route.path());
        int status = response.statusCode();
        String what = route + " as " + caller + ": " + status + " " + response.asString();
        if (Set.of(Caller.NO_TOKEN, Caller.EXPIRED, Caller.FORGED).contains(caller)) {
            assertEquals(401, status, what);
            assertEquals("Bearer", response.header("WWW-Authenticate"), what);
        } else if (route.allowed() != caller) {
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
        // A token that does not verify does not matter where none is needed.
        given().auth().oauth2(Tokens.forged()).when().get("/q/health/live").then().statusCode(200);
    }
}
