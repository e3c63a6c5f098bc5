package dev.integrity.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.response.ValidatableResponse;

/**
 * Ingestion across restarts and outages, through the gateway: duplicates stay duplicates after
 * ingest restarts; with Kafka down the answer is 503 and claims nothing, and the same events are
 * accepted once Kafka is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestResilienceE2E {

    private static String batch(String prefix, int n) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add("""
                    {"eventId":"%s-%d","type":"FOLLOW","accountId":"%s-acc","occurredAt":"%s","targetAccountId":"%s-t%d"}"""
                    .formatted(prefix, i, prefix, Instant.now().minusSeconds(30), prefix, i));
        }
        return "[" + String.join(",", events) + "]";
    }

    private static ValidatableResponse post(String body) {
        return given().baseUri(Suite.gateway()).auth().oauth2(DevTokens.token("ingest", "e2e-integrator"))
                .contentType("application/json").body(body)
                .when().post("/api/v1/events").then();
    }

    @Test
    @Order(1)
    void duplicatesAreStillDuplicatesAfterIngestRestarts() {
        String body = batch("e2e-restart-" + UUID.randomUUID(), 50);
        post(body).statusCode(202).body("accepted", equalTo(50));
        SuiteCommand.run("restart", "ingest");
        post(body).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(50));
    }

    @Test
    @Order(2)
    void kafkaDownGives503AndClaimsNothingThenTheSameEventsAreAccepted() {
        String body = batch("e2e-outage-" + UUID.randomUUID(), 20);
        SuiteCommand.run("stop", "kafka");
        try {
            post(body).statusCode(503).contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        } finally {
            SuiteCommand.run("up");
        }
        post(body).statusCode(202).body("accepted", equalTo(20)).body("duplicates", equalTo(0));
        post(body).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(20));
    }
}
