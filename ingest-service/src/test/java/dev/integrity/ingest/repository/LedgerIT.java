package dev.integrity.ingest.repository;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementCommand;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.ingest.support.LedgerEvents;
import dev.integrity.support.testing.KafkaTopics;
import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The ledger fed through the real path: events POSTed, published to Kafka, consumed into
 * PostgreSQL; enforcements sent as Kafka commands and reported back on enforcement.applied.
 */
@QuarkusTest
class LedgerIT {

    private final String p = "l" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final Instant t0 = Instant.now().minus(Duration.ofHours(2));
    private final LedgerEvents json = new LedgerEvents(p, t0);



    private JsonPath ledger(String account) {
        return given().auth().oauth2(Tokens.moderator()).when().get("/accounts/" + p + account + "/ledger").then().statusCode(200).extract().jsonPath();
    }

    private void awaitCount(String account, String field, int expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.moderator()).when().get("/accounts/" + p + account + "/ledger").then().statusCode(200).body(field, equalTo(expected)));
    }

    @Test
    void followUnfollowRefollowAndLikeUnlikeGiveTheRightCounts() {
        LedgerEvents.post(List.of(
                json.event("FOLLOW", "a", "b", null, "official-ios", 1),
                json.event("FOLLOW", "a", "c", null, "official-ios", 2),
                json.event("FOLLOW", "a", "b", null, "official-ios", 3), // already following: no change
                json.event("UNFOLLOW", "a", "b", null, "official-ios", 4),
                json.event("FOLLOW", "a", "b", null, "official-web", 5),
                json.event("LIKE", "a", "b", "m1", "official-ios", 6),
                json.event("UNLIKE", "a", "b", "m1", "official-ios", 7),
                json.event("LIKE", "a", "b", "m1", "official-ios", 8),
                json.event("LIKE", "a", "c", "m2", "official-ios", 9),
                json.event("UNFOLLOW", "a", "c", null, "official-ios", 10),
                json.event("COMMENT", "a", "b", "m1", "official-ios", 11),
                json.event("UNLIKE", "a", "c", "m9", "official-ios", 12))); // never liked: no change
        awaitCount("a", "commentsGiven", 1);
        JsonPath a = ledger("a");
        assertEquals(1, a.getInt("followingCount"));
        assertEquals(2, a.getInt("likesGiven"));
        JsonPath b = ledger("b");
        assertEquals(1, b.getInt("followerCount"));
        assertEquals(1, b.getInt("likesReceived"));
        assertEquals(1, b.getInt("commentsReceived"));
        JsonPath c = ledger("c");
        assertEquals(0, c.getInt("followerCount"));
        assertEquals(1, c.getInt("likesReceived"));
        given().auth().oauth2(Tokens.moderator()).when().get("/accounts/" + p + "nobody/ledger").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void enforcementRemovesOnlyThirdPartyEngagementAndRevertRestoresItLeavingARefollowIntact() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(json.event("FOLLOW", "bot", "v" + i, null, "followboost", i));
        }
        events.add(json.event("FOLLOW", "bot", "friend", null, "official-android", 11));
        events.add(json.event("LIKE", "bot", "v0", "media0", "followboost", 12));
        events.add(json.event("COMMENT", "bot", "v1", "media1", "followboost", 13));
        LedgerEvents.post(events);
        awaitCount("bot", "followingCount", 11);
        awaitCount("bot", "commentsGiven", 1);

        // The scope ends at the account's last event, as scoring's proposals do: IMPACT waits until the
        // ledger holds events up to that time, and a later end would make it wait its full bound.
        EnforcementScope scope = new EnforcementScope(p + "enf", p + "bot", EnforcementAction.REMOVE_AND_WARN, 1, List.of("followboost"),
                t0.minus(Duration.ofHours(1)), t0.plus(Duration.ofMinutes(13)), List.of());
        try (KafkaConsumer<String, String> impacts = KafkaTopics.tail("enforcement.impact");
                KafkaConsumer<String, String> outcomes = KafkaTopics.tail("enforcement.applied")) {
            KafkaTopics.send("enforcement.proposed", scope.accountId(), json(new EnforcementCommand(EnforcementCommand.Kind.IMPACT, scope)));
            ConsumerRecord<String, String> impact = KafkaTopics.await(impacts, Duration.ofSeconds(20),
                    r -> r.value().contains(scope.enforcementId()));
            JsonPath impactJson = JsonPath.from(impact.value());
            assertEquals(10, impactJson.getInt("removed.follows"));
            assertEquals(0, ledger("bot").getInt("removed.follows"), "impact changes nothing");
            assertEquals(11, ledger("bot").getInt("followingCount"), "impact changes nothing");

            KafkaTopics.send("enforcement.decided", scope.accountId(), json(new EnforcementCommand(EnforcementCommand.Kind.APPLY, scope)));
            EnforcementOutcome applied = outcome(outcomes, scope.enforcementId(), "APPLIED");
            assertEquals(10, applied.removed().follows());
            assertEquals(1, applied.removed().likes());
            assertEquals(1, applied.removed().comments());
            JsonPath bot = ledger("bot");
            assertEquals(1, bot.getInt("followingCount"), "the first-party follow stays");
            assertEquals(0, bot.getInt("likesGiven"));
            assertEquals(10, bot.getInt("removed.follows"));
            assertEquals(0, ledger("v0").getInt("followerCount"));
            List<Object> receivers = given().auth().oauth2(Tokens.moderator()).when().get("/enforcements/" + scope.enforcementId() + "/impact")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals(10, receivers.size());

            // A second APPLY (redelivery) removes nothing more.
            KafkaTopics.send("enforcement.decided", scope.accountId(), json(new EnforcementCommand(EnforcementCommand.Kind.APPLY, scope)));
            outcome(outcomes, scope.enforcementId(), "APPLIED");
            assertEquals(1, ledger("bot").getInt("followingCount"));

            // The account follows v0 again on its own, then the enforcement is reverted.
            LedgerEvents.post(List.of(json.event("FOLLOW", "bot", "v0", null, "official-ios", 30)));
            awaitCount("bot", "followingCount", 2);
            KafkaTopics.send("enforcement.decided", scope.accountId(), json(new EnforcementCommand(EnforcementCommand.Kind.REVERT, scope)));
            outcome(outcomes, scope.enforcementId(), "REVERTED");
            JsonPath after = ledger("bot");
            assertEquals(11, after.getInt("followingCount"), "every follow back, the refollow counted once");
            assertEquals(1, after.getInt("likesGiven"));
            assertEquals(1, after.getInt("commentsGiven"));
            assertEquals(0, after.getInt("removed.follows"));
            assertEquals(1, ledger("v0").getInt("followerCount"));
            assertEquals(1, ledger("v0").getInt("likesReceived"));
        }
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheLedgerKeepsFlowing() {
        try (KafkaConsumer<String, String> dlq = KafkaTopics.tail("account-events.dlq")) {
            String events = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("ingest.events-topic", String.class);
            KafkaTopics.send(events, p + "x", "{not json " + p);
            KafkaTopics.send(events, p + "x", "{\"eventId\":\"" + p + "bad\",\"type\":\"FOLLOW\"}");
            LedgerEvents.post(List.of(json.event("FOLLOW", "x", "y", null, "official-ios", 1)));
            ConsumerRecord<String, String> dead = KafkaTopics.await(dlq, Duration.ofSeconds(20), r -> r.value().contains(p));
            assertTrue(KafkaTopics.header(dead, "dead-letter-reason").startsWith("unreadable JSON"));
            KafkaTopics.await(dlq, Duration.ofSeconds(20), r -> r.value().contains(p + "bad"));
            awaitCount("x", "followingCount", 1);
        }
    }

    private static EnforcementOutcome outcome(KafkaConsumer<String, String> outcomes, String id, String status) throws Exception {
        ConsumerRecord<String, String> record = KafkaTopics.await(outcomes, Duration.ofSeconds(20),
                r -> r.value().contains(id) && r.value().contains("\"" + status + "\""));
        return EventJson.mapper().readValue(record.value(), EnforcementOutcome.class);
    }

    private static String json(Object value) throws Exception {
        return EventJson.mapper().writeValueAsString(value);
    }
}
