package dev.integrity.notify.service;

import static dev.integrity.notify.support.Inbox.awaitEntries;
import static dev.integrity.notify.support.TestData.newAccount;
import static dev.integrity.notify.support.TestData.newEnforcementId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.integrity.notify.support.TestData;
import dev.integrity.notify.support.Topics;
import dev.integrity.support.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;

/** The per-account cap (3 in the test profile) holds back warnings, never a block or a reversal. */
@QuarkusTest
class MessageCapIT {

    private static long count(List<Map<String, Object>> inbox, String kind) {
        return inbox.stream().filter(e -> kind.equals(e.get("kind"))).count();
    }

    @Test
    void theCapHoldsBackWarningsButNeverDropsAccountBlockedOrEnforcementReversed() {
        int cap = ConfigProvider.getConfig().getValue("notify.cap.max-messages", Integer.class);
        String account = newAccount();
        Instant at = Instant.now().minusSeconds(600);
        String[] outcomes = new String[cap + 1];
        for (int i = 0; i <= cap; i++) {
            outcomes[i] = TestData.warning(newEnforcementId(), account, 1, List.of("followboost"), at.plusSeconds(i));
        }
        String blockId = newEnforcementId();
        KafkaTopics.send(Topics.OUTCOMES, account, outcomes);
        KafkaTopics.send(Topics.OUTCOMES, account,
                TestData.block(blockId, account, List.of("followboost"), at.plusSeconds(100)),
                TestData.reverted(blockId, account, "BLOCK", 3, List.of("followboost"), at.plusSeconds(200)));

        List<Map<String, Object>> inbox = awaitEntries(account, entries -> count(entries, "ENFORCEMENT_REVERSED") == 1);
        assertEquals(cap, count(inbox, "INAUTHENTIC_ACTIVITY_WARNING"), "warnings beyond the cap are held back: " + inbox);
        assertEquals(1, count(inbox, "ACCOUNT_BLOCKED"), "a block is never held back");
        assertEquals(1, count(inbox, "ENFORCEMENT_REVERSED"), "a reversal is never held back");
        assertEquals(cap + 2, inbox.size());
    }
}
