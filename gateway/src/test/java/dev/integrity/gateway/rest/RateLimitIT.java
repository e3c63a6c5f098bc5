package dev.integrity.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The per-token, per-route limit, counted in the real Redis: the fourth request in a minute is refused;
 * every answer tells the limit, what is left of it and when the window moves on (RateLimit-* fields).
 */
@QuarkusTest
@TestProfile(RateLimitIT.Tight.class)
class RateLimitIT {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.default-per-minute", "3");
        }
    }

    @Test
    void overTheLimitIs429WithRetryAfterAndOtherTokensAreUnaffected() {
        String token = Tokens.of("mod-" + UUID.randomUUID(), "moderator");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/guard").then().statusCode(503)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(2 - i)).header("RateLimit-Reset", notNullValue());
        }
        given().auth().oauth2(token).when().get("/api/v1/guard")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", response -> equalTo(response.header("Retry-After")))
                .body("status", equalTo(429)).body("type", equalTo("https://integrity.dev/problems/rate-limited"));
        String another = Tokens.of("mod-" + UUID.randomUUID(), "moderator");
        given().auth().oauth2(another).when().get("/api/v1/guard").then().statusCode(503);
    }
}
