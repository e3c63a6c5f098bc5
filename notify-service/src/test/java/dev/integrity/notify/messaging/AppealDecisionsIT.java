package dev.integrity.notify.messaging;

import static dev.integrity.notify.support.Inbox.awaitEntries;
import static dev.integrity.notify.support.Inbox.awaitSize;
import static dev.integrity.notify.support.Inbox.byKind;
import static dev.integrity.notify.support.TestData.newAccount;
import static dev.integrity.notify.support.TestData.newAppealId;
import static dev.integrity.notify.support.TestData.newEnforcementId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import dev.integrity.contract.review.AppealStatus;
import dev.integrity.notify.support.Inbox;
import dev.integrity.notify.support.TestData;
import dev.integrity.notify.support.Topics;
import dev.integrity.support.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * appeal.decisions (the tests' topic) on the real broker: a denied appeal gives one APPEAL_DENIED
 * message, redelivery none, a granted one none (its revert's outcome tells the account).
 */
@QuarkusTest
class AppealDecisionsIT {

    private static final String NOTE = "internal: same farm as case 17, see the graph";

    /** Each test's own account and enforcement (JUnit makes an instance per test); the enforcement applied two minutes ago. */
    private final String account = newAccount();
    private final String enforcement = newEnforcementId();
    private final Instant at = Instant.now().minusSeconds(120);

    /** The enforcement's outcome, once it is in the account's inbox. */
    private void told(String outcome) {
        KafkaTopics.send(Topics.OUTCOMES, account, outcome);
        awaitSize(account, 1);
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> inbox, String kind) {
        return inbox.stream().filter(e -> kind.equals(e.get("kind"))).toList();
    }

    private static boolean deniedFor(List<Map<String, Object>> inbox, String enforcementId) {
        return ofKind(inbox, "APPEAL_DENIED").stream().anyMatch(e -> enforcementId.equals(e.get("enforcementId")));
    }

    @Test
    void aDeniedAppealGivesOneMessageNamingTheEnforcementAndRedeliveryNoSecond() {
        told(TestData.warning(enforcement, account, 1, List.of("followboost"), at));

        String denied = TestData.appealDecision(newAppealId(), enforcement, account, AppealStatus.DENIED, NOTE, at.plusSeconds(60));
        KafkaTopics.send(Topics.APPEALS, account, denied, denied);
        awaitEntries(account, entries -> deniedFor(entries, enforcement));

        // Redelivered once the message exists, then a later decision on the same partition as a
        // sentinel: once the sentinel's message is there, the redelivery before it has been processed.
        String sentinel = newEnforcementId();
        KafkaTopics.send(Topics.APPEALS, account, denied,
                TestData.appealDecision(newAppealId(), sentinel, account, AppealStatus.DENIED, NOTE, at.plusSeconds(90)));
        List<Map<String, Object>> inbox = awaitEntries(account, entries -> deniedFor(entries, sentinel));

        assertEquals(3, inbox.size(), "the warning, one denial per appeal, nothing from the duplicates: " + inbox);
        List<Map<String, Object>> denials = ofKind(inbox, "APPEAL_DENIED").stream()
                .filter(e -> enforcement.equals(e.get("enforcementId"))).toList();
        assertEquals(1, denials.size(), "one APPEAL_DENIED for the appeal: " + inbox);
        Map<String, Object> denial = denials.get(0);
        assertEquals(List.of(), denial.get("actions"), "a denial asks nothing of its own");
        assertEquals(List.of("followboost"), denial.get("apps"), "it names the enforcement as its warning did");
        assertNull(denial.get("rescindedAt"));
        Map<String, Object> warning = byKind(inbox, "INAUTHENTIC_ACTIVITY_WARNING");
        assertEquals(enforcement, warning.get("enforcementId"));
        assertNull(warning.get("rescindedAt"), "the enforcement stands, and so does its warning");
        assertNull(warning.get("resolvedAt"));

        String id = (String) denial.get("id");
        Map<String, Object> english = entry(Inbox.get(account, "en"), id);
        assertEquals("We reviewed your appeal: our decision stands", english.get("title"));
        String body = (String) english.get("body");
        assertTrue(body.contains("the warning we sent you about inauthentic activity, and our decision stands."), body);
        assertTrue(body.contains("through the third-party app “followboost”"), body);
        assertTrue(body.contains("What we removed stays removed: 12 follows, 30 likes and 4 comments."), body);
        assertTrue(body.contains("Change your password"), body);
        assertTrue(body.contains("Disconnect “followboost”"), body);
        assertFalse(body.contains(NOTE) || body.contains("case 17"), "the moderator's note is internal: " + body);

        Map<String, Object> german = entry(Inbox.get(account, "de-DE,de;q=0.9"), id);
        assertEquals("de", german.get("locale"));
        assertEquals("Wir haben Ihren Einspruch geprüft: Unsere Entscheidung bleibt bestehen", german.get("title"));
        String deutsch = (String) german.get("body");
        assertTrue(deutsch.contains("gegen unsere Warnung wegen nicht authentischer Aktivitäten geprüft."), deutsch);
        assertTrue(deutsch.contains("über die Drittanbieter-App „followboost“ ausgeführt wurden."), deutsch);
        assertTrue(deutsch.contains("Was wir entfernt haben, bleibt entfernt: 12 Abonnements, 30 „Gefällt mir“-Angaben und 4 Kommentare."),
                deutsch);
        assertTrue(deutsch.contains("Ändern Sie Ihr Passwort"), deutsch);
        assertFalse(deutsch.contains(NOTE) || deutsch.contains("case 17"), deutsch);

        Map<String, Object> generic = ofKind(inbox, "APPEAL_DENIED").stream()
                .filter(e -> sentinel.equals(e.get("enforcementId"))).findFirst().orElseThrow();
        assertTrue(((String) generic.get("body")).contains("our action on your account, and our decision stands."),
                "without the enforcement's message the denial names it in general terms: " + generic.get("body"));
    }

    @Test
    void aGrantedAppealGivesNoMessage() {
        told(TestData.block(enforcement, account, List.of("followboost"), at));

        // The granted decision, then a denial on the same partition as a sentinel: once the sentinel's
        // message is there, the granted decision before it has been processed.
        String sentinel = newEnforcementId();
        KafkaTopics.send(Topics.APPEALS, account,
                TestData.appealDecision(newAppealId(), enforcement, account, AppealStatus.GRANTED, NOTE, at.plusSeconds(60)),
                TestData.appealDecision(newAppealId(), sentinel, account, AppealStatus.DENIED, NOTE, at.plusSeconds(61)));
        List<Map<String, Object>> inbox = awaitEntries(account, entries -> deniedFor(entries, sentinel));

        assertEquals(2, inbox.size(), "the block and the sentinel's denial only: " + inbox);
        assertFalse(deniedFor(inbox, enforcement), "a granted appeal gives no APPEAL_DENIED: " + inbox);
        assertNull(byKind(inbox, "ACCOUNT_BLOCKED").get("rescindedAt"), "the revert's outcome, not the decision, rescinds");
        assertEquals(2, Inbox.entries(account).size());
    }

    @Test
    void aReversalAfterADenialRescindsTheDenialToo() {
        told(TestData.warning(enforcement, account, 1, List.of("followboost"), at));
        KafkaTopics.send(Topics.APPEALS, account,
                TestData.appealDecision(newAppealId(), enforcement, account, AppealStatus.DENIED, NOTE, at.plusSeconds(60)));
        awaitEntries(account, entries -> deniedFor(entries, enforcement));

        KafkaTopics.send(Topics.OUTCOMES, account,
                TestData.reverted(enforcement, account, "REMOVE_AND_WARN", 1, List.of("followboost"), at.plusSeconds(120)));
        List<Map<String, Object>> inbox = awaitEntries(account, entries -> !ofKind(entries, "ENFORCEMENT_REVERSED").isEmpty());

        assertNotNull(byKind(inbox, "APPEAL_DENIED").get("rescindedAt"), "\"the decision stands\" no longer holds");
        assertNotNull(byKind(inbox, "INAUTHENTIC_ACTIVITY_WARNING").get("rescindedAt"));
        assertNull(byKind(inbox, "ENFORCEMENT_REVERSED").get("rescindedAt"));
    }

    @Test
    void anUnusableDecisionIsDeadLetteredAndTheNextIsStillProcessed() {
        try (KafkaConsumer<String, String> dlq = KafkaTopics.tail(Topics.OUTCOMES_DLQ)) {
            KafkaTopics.send(Topics.APPEALS, account,
                    TestData.appealDecision(newAppealId(), enforcement, account, AppealStatus.OPEN, NOTE, Instant.now()),
                    TestData.appealDecision(newAppealId(), enforcement, account, AppealStatus.DENIED, NOTE, Instant.now()));

            ConsumerRecord<String, String> dead = KafkaTopics.await(dlq, Duration.ofSeconds(60),
                    r -> account.equals(r.key()) && "notify-service".equals(KafkaTopics.header(r, "dead-letter-consumer")));
            assertEquals(Topics.APPEALS, KafkaTopics.header(dead, "dead-letter-topic"));
            assertNotNull(KafkaTopics.header(dead, "dead-letter-reason"));
        }
        awaitEntries(account, entries -> deniedFor(entries, enforcement));
    }

    private static Map<String, Object> entry(Response response, String id) {
        response.then().statusCode(200);
        List<Map<String, Object>> entries = response.jsonPath().getList("$");
        return entries.stream().filter(e -> id.equals(e.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no message " + id + " in " + entries));
    }
}
