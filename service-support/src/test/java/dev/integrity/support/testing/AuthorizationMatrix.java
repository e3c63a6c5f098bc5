package dev.integrity.support.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * No trust in the network, as the services' tests check it: every route called by every kind of
 * caller. No token, an expired one or a forged one is 401 with {@code WWW-Authenticate: Bearer}; a
 * caller the route does not allow is 403; both are problem+json; an allowed caller gets through
 * (neither 401 nor 403, and no server error).
 */
public final class AuthorizationMatrix {

    /** Who calls: a role, a user on its own account or another's, or a token that must not verify. */
    public enum Caller {
        INGEST, MODERATOR, PLATFORM, USER_OWN, USER_OTHER, NO_TOKEN, EXPIRED, FORGED;

        /** No token, or one that does not verify: refused before any role is looked at. */
        public boolean isUnauthenticated() {
            return this == NO_TOKEN || this == EXPIRED || this == FORGED;
        }
    }

    /** A route and the callers it lets through. */
    public record Route(String method, String path, Set<Caller> allowed) {

        public boolean refuses(Caller caller) {
            return caller.isUnauthenticated() || !allowed.contains(caller);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private AuthorizationMatrix() {
    }

    /** Every route with every caller, as a parameterized test's arguments {route, caller}. */
    public static Stream<Object[]> every(List<Route> routes) {
        List<Object[]> cases = new ArrayList<>();
        for (Route route : routes) {
            for (Caller caller : Caller.values()) {
                cases.add(new Object[] { route, caller });
            }
        }
        return cases.stream();
    }

    /** The caller's token: {@code account} is the user's own account, {@code other} another's; null for no token. */
    public static String token(Caller caller, String account, String other) {
        return switch (caller) {
            case INGEST -> Tokens.ingest();
            case MODERATOR -> Tokens.moderator();
            case PLATFORM -> Tokens.platform();
            case USER_OWN -> Tokens.user(account);
            case USER_OTHER -> Tokens.user(other);
            case NO_TOKEN -> null;
            case EXPIRED -> Tokens.expired();
            case FORGED -> Tokens.forged();
        };
    }

    /** Calls the route with the token (and, for a POST, the JSON body) and checks the answer as the class comment says. */
    public static void check(Route route, Caller caller, String token, String postBody) {
        RequestSpecification request = given();
        if (postBody != null) {
            request = request.contentType("application/json");
        }
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (route.method().equals("POST") && postBody != null) {
            request = request.body(postBody);
        }
        Response response = request.when().request(route.method(), route.path());
        int status = response.statusCode();
        String what = route + " as " + caller + ": " + status + " " + response.asString();
        if (caller.isUnauthenticated()) {
            assertEquals(401, status, what);
            assertEquals("Bearer", response.header("WWW-Authenticate"), what);
        } else if (route.refuses(caller)) {
            assertEquals(403, status, what);
        } else {
            assertFalse(status == 401 || status == 403, what);
            assertTrue(status < 500, what);
            return;
        }
        assertTrue(response.contentType().startsWith("application/problem+json"), what + " (" + response.contentType() + ")");
    }

    /** Probes, metrics and the OpenAPI document answer without a token, and a token that does not verify does not matter there. */
    public static void probesNeedNoToken() {
        for (String path : List.of("/q/health/live", "/q/metrics", "/q/openapi")) {
            given().when().get(path).then().statusCode(200);
        }
        given().auth().oauth2(Tokens.forged()).when().get("/q/health/live").then().statusCode(200);
    }
}
