package dev.integrity.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The whole path: an event POSTed at the gateway with an ingest token is in account-events. */
class EventPathE2E {

    @Test
    void eventPostedAtTheGatewayReachesTheTopic() {
        String eventId = "e2e-" + UUID.randomUUID();
        String account = "e2e-acc-" + UUID.randomUUID().toString().substring(0, 8);
        String event = """
                {"eventId":"%s","type":"LIKE","accountId":"%s","occurredAt":"%s",
                 "clientAppId":"official-ios","targetAccountId":"e2e-owner","mediaId":"m-1"}"""
                .formatted(eventId, account, Instant.now().minusSeconds(5));

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("account-events"));
            long joinDeadline = System.currentTimeMillis() + 15_000;
            while (consumer.assignment().isEmpty() && System.currentTimeMillis() < joinDeadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            consumer.assignment().forEach(consumer::position);

            given().baseUri(Suite.gateway()).auth().oauth2(DevTokens.token("ingest", "e2e-integrator"))
                    .contentType("application/json").body(event)
                    .when().post("/api/v1/events")
                    .then().statusCode(202).body("accepted", equalTo(1));

            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (found.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.value().contains(eventId)) {
                        found.add(r);
                    }
                });
            }
            assertEquals(1, found.size(), "the event reached account-events");
            assertEquals(account, found.getFirst().key());
            assertTrue(found.getFirst().value().contains("\"mediaId\":\"m-1\""));
        }
    }

    @Test
    void theGatewayRefusesATokenOfTheWrongRole() {
        given().baseUri(Suite.gateway()).auth().oauth2(DevTokens.token("moderator", "mod-1"))
                .contentType("application/json").body("{}")
                .when().post("/api/v1/events")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void everyServiceIsReady() {
        for (String port : List.of(Suite.env("GATEWAY_PORT", "8080"), Suite.env("INGEST_PORT", "8081"),
                Suite.env("SCORING_PORT", "8082"), Suite.env("NOTIFY_PORT", "8083"))) {
            given().baseUri("http://127.0.0.1:" + port).when().get("/q/health/ready")
                    .then().statusCode(200).body("status", equalTo("UP"));
        }
    }
}
