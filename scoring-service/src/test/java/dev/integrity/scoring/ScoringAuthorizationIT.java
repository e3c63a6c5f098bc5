package dev.integrity.scoring;

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
 * No trust in the network: every route of scoring, called directly (not through the gateway), by every
 * kind of caller, with the gateway's rules: moderators for enforcements, cases, the guard, the appeal
 * queue and decisions, accounts, groups and models; an account's appeals for its own user (and, to read
 * them, moderators); filing an appeal for its own user alone. No token, an expired one or a forged one
 * is 401, another role or another account's user 403, both problem+json; the right caller gets
 * through (the ids here are unknown and the bodies empty, so nothing changes but the guard's resume,
 * which closes an already closed breaker).
 */
@QuarkusTest
class ScoringAuthorizationIT {

    private static final String ACCOUNT = "auth-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NONE = "auth-none-" + UUID.randomUUID().toString().substring(0, 8);

    enum Caller { INGEST, MODERATOR, PLATFORM, USER_OWN, USER_OTHER, NO_TOKEN, EXPIRED, FORGED }

    record Route(String method, String path, Set<Caller> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<Caller> MODERATOR_ONLY = Set.of(Caller.MODERATOR);
    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/accounts/" + ACCOUNT, MODERATOR_ONLY),
            new Route("GET", "/accounts/groups/" + NONE, MODERATOR_ONLY),
            new Route("GET", "/enforcements", MODERATOR_ONLY),
            new Route("GET", "/enforcements?limit=5&accountId=" + ACCOUNT, MODERATOR_ONLY),
            new Route("GET", "/enforcements/" + NONE, MODERATOR_ONLY),
            new Route("GET", "/enforcements/" + NONE + "/audit", MODERATOR_ONLY),
            new Route("POST", "/enforcements/" + NONE + "/approve", MODERATOR_ONLY),
            new Route("POST", "/enforcements/" + NONE + "/reject", MODERATOR_ONLY),
            new Route("POST", "/enforcements/" + NONE + "/revert", MODERATOR_ONLY),
            new Route("GET", "/guard", MODERATOR_ONLY),
            new Route("POST", "/guard/resume", MODERATOR_ONLY),
            new Route("GET", "/cases", MODERATOR_ONLY),
            new Route("GET", "/cases/" + NONE, MODERATOR_ONLY),
            new Route("POST", "/cases/" + NONE + "/decide", MODERATOR_ONLY),
            new Route("POST", "/appeals/accounts/" + ACCOUNT, Set.of(Caller.USER_OWN)),
            new Route("GET", "/appeals/accounts/" + ACCOUNT, Set.of(Caller.MODERATOR, Caller.USER_OWN)),
            new Route("GET", "/appeals", MODERATOR_ONLY),
            new Route("POST", "/appeals/" + NONE + "/decide", MODERATOR_ONLY),
            new Route("GET", "/models", MODERATOR_ONLY),
            new Route("POST", "/models/shadow", MODERATOR_ONLY),
            new Route("GET", "/models/shadow/scores", MODERATOR_ONLY));

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
            case USER_OTHER -> Tokens.user(ACCOUNT + "-other");
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
            request = request.body("{}");
        }
        Response response = request.when().request(route.method(), route.path());
        int status = response.statusCode();
        String what = route + " as " + caller + ": " + status + " " + response.asString();
        if (Set.of(Caller.NO_TOKEN, Caller.EXPIRED, Caller.FORGED).contains(caller)) {
            assertEquals(401, status, what);
            assertEquals("Bearer", response.header("WWW-Authenticate"), what);
        } else if (!route.allowed().contains(caller)) {
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
