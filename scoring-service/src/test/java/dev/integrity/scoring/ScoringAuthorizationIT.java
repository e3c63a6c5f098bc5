package dev.integrity.scoring;


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
        return AuthorizationMatrix.every(ROUTES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRouteByEveryCaller(Route route, Caller caller) {
        AuthorizationMatrix.check(route, caller, AuthorizationMatrix.token(caller, ACCOUNT, ACCOUNT + "-other"), "{}");
    }

    @Test
    void probesMetricsAndTheOpenApiDocumentNeedNoToken() {
        AuthorizationMatrix.probesNeedNoToken();
    }
}
