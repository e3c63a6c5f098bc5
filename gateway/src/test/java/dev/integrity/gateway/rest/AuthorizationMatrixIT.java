package dev.integrity.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Every route of the public API, by every kind of caller: each role (a user on its own account and
 * on another's), no token, an expired token, a forged token (signed with another key), and a token
 * from another issuer. In the test profile the downstream services are unreachable, so a caller the
 * gateway lets through gets 503 problem+json; one it refuses gets 401 or 403 problem+json.
 */
@QuarkusTest
class AuthorizationMatrixIT {

    private static final String OWN = "acc-own";
    private static final String OTHER = "acc-other";

    enum Caller { INGEST, MODERATOR, PLATFORM, USER_OWN, USER_OTHER, NO_TOKEN, EXPIRED, FORGED, WRONG_ISSUER }

    record Route(String method, String path, Set<Caller> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<Caller> MODERATOR_ONLY = Set.of(Caller.MODERATOR);
    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/api/v1/events", Set.of(Caller.INGEST)),
            new Route("GET", "/api/v1/accounts/" + OWN, MODERATOR_ONLY),
            new Route("GET", "/api/v1/accounts/" + OWN + "/notifications", Set.of(Caller.MODERATOR, Caller.USER_OWN)),
            new Route("POST", "/api/v1/accounts/" + OWN + "/notifications/n-1/read", Set.of(Caller.USER_OWN)),
            new Route("GET", "/api/v1/accounts/" + OWN + "/notifications/stream", Set.of(Caller.MODERATOR, Caller.USER_OWN)),
            new Route("GET", "/api/v1/enforcements", MODERATOR_ONLY),
            new Route("GET", "/api/v1/enforcements/enf-1/impact", MODERATOR_ONLY),
            new Route("POST", "/api/v1/enforcements/enf-1/approve", MODERATOR_ONLY),
            new Route("POST", "/api/v1/enforcements/enf-1/reject", MODERATOR_ONLY),
            new Route("POST", "/api/v1/enforcements/enf-1/revert", MODERATOR_ONLY),
            new Route("GET", "/api/v1/guard", MODERATOR_ONLY),
            new Route("POST", "/api/v1/guard/resume", MODERATOR_ONLY),
            new Route("GET", "/api/v1/actions", Set.of(Caller.PLATFORM)),
            new Route("GET", "/api/v1/actions?limit=5", Set.of(Caller.PLATFORM)),
            new Route("GET", "/api/v1/accounts/" + OWN + "/activity", MODERATOR_ONLY),
            new Route("GET", "/api/v1/enforcements?limit=5", MODERATOR_ONLY),
            new Route("GET", "/api/v1/enforcements/enf-1/audit", MODERATOR_ONLY),
            new Route("GET", "/api/v1/cases", MODERATOR_ONLY),
            new Route("GET", "/api/v1/cases/case-1", MODERATOR_ONLY),
            new Route("POST", "/api/v1/cases/case-1/decide", MODERATOR_ONLY),
            new Route("POST", "/api/v1/accounts/" + OWN + "/appeals", Set.of(Caller.USER_OWN)),
            new Route("GET", "/api/v1/accounts/" + OWN + "/appeals", Set.of(Caller.MODERATOR, Caller.USER_OWN)),
            new Route("GET", "/api/v1/appeals", MODERATOR_ONLY),
            new Route("POST", "/api/v1/appeals/apl-1/decide", MODERATOR_ONLY));

    static Stream<Object[]> matrix() {
        List<Object[]> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Caller caller : Caller.values()) {
                cases.add(new Object[] { route, caller });
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRouteByEveryCaller(Route route, Caller caller) throws Exception {
        RequestSpecification request = given().contentType("application/json");
        String token = token(caller);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (route.method().equals("POST")) {
            request = request.body("{\"eventId\":\"m-1\",\"type\":\"LOGIN\",\"accountId\":\"acc-own\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}");
        }
        Response response = request.when().request(route.method(), route.path());
        int status = response.statusCode();
        int expected;
        if (Set.of(Caller.NO_TOKEN, Caller.EXPIRED, Caller.FORGED, Caller.WRONG_ISSUER).contains(caller)) {
            expected = 401;
        } else if (!route.allowed().contains(caller)) {
            expected = 403;
        } else {
            expected = 503; // let through; the downstream service is down in this profile
        }
        assertEquals(expected, status, route + " as " + caller + ": " + response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), route + " as " + caller + " answered " + response.contentType());
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case INGEST -> Tokens.ingest();
            case MODERATOR -> Tokens.moderator();
            case PLATFORM -> Tokens.platform();
            case USER_OWN -> Tokens.user(OWN);
            case USER_OTHER -> Tokens.user(OTHER);
            case NO_TOKEN -> null;
            case EXPIRED -> Tokens.expired();
            case FORGED -> Tokens.forged();
            case WRONG_ISSUER -> Jwt.issuer("https://somebody-else.example").subject("mod-1").groups(Set.of("moderator"))
                    .expiresIn(300).sign();
        };
    }
}
