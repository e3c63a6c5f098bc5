package dev.integrity.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** POST /events against the real Kafka and Redis: accepted events are in the topic, once. */
@QuarkusTest
class EventIngestionIT {

    private static String follow(String eventId, String account) {
        return """
                {"eventId":"%s","type":"FOLLOW","accountId":"%s","occurredAt":"%s",
                 "clientAppId":"followboost","ip":"203.0.113.9","targetAccountId":"acc-target"}"""
                .formatted(eventId, account, Instant.now().minusSeconds(60));
    }

    @Test
    void acceptedEventIsInKafkaKeyedByAccountAndADuplicateIsNotRepublished() {
        String eventId = "it-" + UUID.randomUUID();
        String account = "acc-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            given().auth().oauth2(Tokens.ingest()).contentType("application/json").body(follow(eventId, account))
                    .when().post("/events")
                    .then().statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(0));
            given().auth().oauth2(Tokens.ingest()).contentType("application/json").body("[" + follow(eventId, account) + "]")
                    .when().post("/events")
                    .then().statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(1));

            List<ConsumerRecord<String, String>> mine = readUntilQuiet(consumer, eventId);
            assertEquals(1, mine.size(), "the event is in account-events exactly once");
            assertEquals(account, mine.getFirst().key());
            assertTrue(mine.getFirst().value().contains("\"followboost\""));
            assertEquals(eventId, new String(mine.getFirst().headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void duplicatesWithinOneBatchAreCountedOnce() {
        String eventId = "it-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.ingest()).contentType("application/x-ndjson").body((follow(eventId, "acc-1").replace("\n", "") + "\n"
                + follow(eventId, "acc-1").replace("\n", "") + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/events")
                .then().statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(1));
    }

    @Test
    void invalidEventsAreListedAndValidOnesAccepted() {
        String good = follow("it-" + UUID.randomUUID(), "acc-2");
        String bad = """
                {"eventId":"it-bad","type":"FOLLOW","accountId":"acc-2","occurredAt":"yesterday"}""";
        given().auth().oauth2(Tokens.ingest()).contentType("application/json").body("[" + good + "," + bad + "]")
                .when().post("/events")
                .then().statusCode(202).body("accepted", equalTo(1))
                .body("rejected", hasSize(1))
                .body("rejected[0].index", equalTo(1))
                .body("rejected[0].eventId", equalTo("it-bad"));
    }

    @Test
    void noValidEventIsAProblem() {
        given().auth().oauth2(Tokens.ingest()).contentType("application/json").body("[{\"eventId\":\"x\",\"type\":\"NOPE\"}]")
                .when().post("/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors[0].eventId", equalTo("x"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("type"));
    }

    @Test
    void malformedJsonNamesThePosition() {
        given().auth().oauth2(Tokens.ingest()).contentType("application/json").body("[{\"eventId\": }]")
                .when().post("/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 1, column"));
    }

    @Test
    void otherMediaTypesAre415Problems() {
        given().auth().oauth2(Tokens.ingest()).contentType("text/plain").body("hello")
                .when().post("/events")
                .then().statusCode(415).contentType("application/problem+json");
    }

    private static KafkaConsumer<String, String> consumer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(ConfigProvider.getConfig().getValue("ingest.events-topic", String.class)));
        // Join the group and get positions before anything is sent.
        long deadline = System.currentTimeMillis() + 15_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
        consumer.assignment().forEach(tp -> consumer.position(tp));
        return consumer;
    }

    private static List<ConsumerRecord<String, String>> readUntilQuiet(KafkaConsumer<String, String> consumer, String eventId) {
        List<ConsumerRecord<String, String>> mine = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value().contains(eventId)) {
                    mine.add(record);
                }
            }
            if (!mine.isEmpty() && System.currentTimeMillis() > deadline - 7_000) {
                break;
            }
        }
        return mine;
    }
}
