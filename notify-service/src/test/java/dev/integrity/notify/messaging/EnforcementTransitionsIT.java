package dev.integrity.notify.messaging;

import static dev.integrity.notify.support.Inbox.awaitEntries;
import static dev.integrity.notify.support.Inbox.awaitSize;
import static dev.integrity.notify.support.Inbox.byKind;
import static dev.integrity.notify.support.TestData.newAccount;
import static dev.integrity.notify.support.TestData.newEnforcementId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.integrity.notify.support.Inbox;
import dev.integrity.notify.support.TestData;
import dev.integrity.notify.support.Topics;
import dev.integrity.support.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;

/** enforcement.applied on the real broker: each transition gives exactly one message, redelivery none. */
@QuarkusTest
class EnforcementTransitionsIT {

    @Test
    void eachTransitionGivesItsOneMessageAndAReversalRescindsTheEarlierOne() {
        String account = newAccount();
        String first = newEnforcementId();
        String second = newEnforcementId();
        String third = newEnforcementId();
        Instant at = Instant.now().minusSeconds(60);
        KafkaTopics.send(Topics.OUTCOMES, account,
                TestData.warning(first, account, 1, List.of("followboost"), at),
                TestData.warning(second, account, 2, List.of("followboost"), at.plusSeconds(1)),
                TestData.block(third, account, List.of("followboost", "likeblaster"), at.plusSeconds(2)),
                TestData.reverted(first, account, "REMOVE_AND_WARN", 1, List.of("followboost"), at.plusSeconds(3)));

        List<Map<String, Object>> inbox = awaitSize(account, 4);
        assertEquals(List.of("ENFORCEMENT_REVERSED", "ACCOUNT_BLOCKED", "FINAL_WARNING", "INAUTHENTIC_ACTIVITY_WARNING"),
                inbox.stream().map(e -> e.get("kind")).toList(), "one message per transition, newest first");

        Map<String, Object> warning = byKind(inbox, "INAUTHENTIC_ACTIVITY_WARNING");
        assertEquals(List.of("CHANGE_PASSWORD", "REVIEW_CONNECTED_APPS"), warning.get("actions"));
        assertEquals(List.of("followboost"), warning.get("apps"));
        assertNotNull(warning.get("rescindedAt"), "the reverted enforcement's warning is rescinded");
        assertNull(warning.get("readAt"));

        Map<String, Object> blocked = byKind(inbox, "ACCOUNT_BLOCKED");
        assertEquals(List.of("CHANGE_PASSWORD", "REVIEW_CONNECTED_APPS"), blocked.get("actions"));
        assertEquals(List.of("followboost", "likeblaster"), blocked.get("apps"));
        assertNull(blocked.get("rescindedAt"));
        assertNull(byKind(inbox, "FINAL_WARNING").get("rescindedAt"));

        Map<String, Object> reversed = byKind(inbox, "ENFORCEMENT_REVERSED");
        assertEquals(List.of(), reversed.get("actions"));
    }

    @Test
    void aDuplicateOrRedeliveredOutcomeGivesNoSecondMessage() {
        String account = newAccount();
        String enforcement = newEnforcementId();
        Instant at = Instant.now().minusSeconds(60);
        String outcome = TestData.warning(enforcement, account, 1, List.of("followboost"), at);
        KafkaTopics.send(Topics.OUTCOMES, account, outcome, outcome);
        awaitSize(account, 1);

        // Redelivered once the message exists, then a later outcome on the same partition as a marker:
        // once the marker's message is there, the redelivery before it has been processed.
        String marker = newEnforcementId();
        KafkaTopics.send(Topics.OUTCOMES, account, outcome,
                TestData.warning(marker, account, 2, List.of("followboost"), at.plusSeconds(5)));
        List<Map<String, Object>> inbox = awaitEntries(account,
                entries -> entries.stream().anyMatch(e -> "FINAL_WARNING".equals(e.get("kind"))));

        assertEquals(2, inbox.size(), "the duplicates added nothing: " + inbox);
        assertEquals(1, inbox.stream().filter(e -> "INAUTHENTIC_ACTIVITY_WARNING".equals(e.get("kind"))).count());
        assertEquals(2, Inbox.entries(account).size());
    }
}
