package dev.integrity.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * Authentication and roles on POST /api/v1/events. In the test profile ingest points at a closed
 * port, so an authorised call shows the "downstream down" answer: 503 problem+json, not a hang.
 */
@QuarkusTest
class EventsAuthIT {

    private static final String EVENT = """
            {"eventId":"gw-1","type":"LOGIN","accountId":"acc-1","occurredAt":"2026-01-01T00:00:00Z"}""";

    static String token(String role) {
        return Jwt.subject("acc-1").groups(Set.of(role)).expiresIn(300).sign();
    }

    @Test
    void noTokenIs401Problem() {
        given().contentType("application/json").body(EVENT)
                .when().post("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void forgedTokenIs401() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.subject("acc-1").groups(Set.of("ingest")).expiresIn(300)
                .sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).contentType("application/json").body(EVENT)
                .when().post("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIs401() {
        String expired = Jwt.subject("acc-1").groups(Set.of("ingest"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        given().auth().oauth2(expired).contentType("application/json").body(EVENT)
                .when().post("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403Problem() {
        for (String role : new String[] { "moderator", "user" }) {
            given().auth().oauth2(token(role)).contentType("application/json").body(EVENT)
                    .when().post("/api/v1/events")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void ingestDownIs503ProblemWithRetryAfter() {
        given().auth().oauth2(token("ingest")).contentType("application/json").body(EVENT)
                .when().post("/api/v1/events")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("5"));
    }
}
