package dev.integrity.notify.service;

import static dev.integrity.notify.support.Inbox.awaitEntries;
import static dev.integrity.notify.support.Inbox.awaitSize;
import static dev.integrity.notify.support.TestData.newAccount;
import static dev.integrity.notify.support.TestData.newEnforcementId;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.integrity.contract.enforcement.Removed;
import dev.integrity.notify.support.TestData;
import dev.integrity.notify.support.Topics;
import dev.integrity.support.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Resolution from account-events: PASSWORD_CHANGED plus APP_REVOKED for every app named, at or
 * after the warning's enforcement, in any order. Each step is observed through a second warning
 * that the same step does resolve (same account, so the same partition and the same transaction):
 * when that one is resolved, the step has been applied to every warning of the account.
 */
@QuarkusTest
class ResolutionIT {

    private static Map<String, Object> byEnforcementApps(List<Map<String, Object>> inbox, List<String> apps) {
        return inbox.stream().filter(e -> apps.equals(e.get("apps"))).findFirst()
                .orElseThrow(() -> new AssertionError("no message for apps " + apps + " in " + inbox));
    }

    private static boolean resolved(List<Map<String, Object>> inbox, List<String> apps) {
        return byEnforcementApps(inbox, apps).get("resolvedAt") != null;
    }

    @Test
    void passwordAloneIsNotEnoughAndResolutionFlipsOnTheSecondOfTwoRevocations() {
        String account = newAccount();
        Instant at = Instant.now().minusSeconds(120);
        List<String> twoApps = List.of("followboost", "likeblaster");
        List<String> oneApp = List.of("followboost");
        List<String> noApps = List.of();
        KafkaTopics.send(Topics.OUTCOMES, account,
                TestData.warning(newEnforcementId(), account, 1, twoApps, at),
                TestData.warning(newEnforcementId(), account, 2, oneApp, at),
                TestData.applied(newEnforcementId(), account, "REMOVE_AND_WARN", 1, new Removed(1, 0, 0), noApps, at));
        awaitSize(account, 3);
        Instant now = Instant.now();

        KafkaTopics.send(Topics.EVENTS, account, TestData.passwordChanged(account, now));
        List<Map<String, Object>> inbox = awaitEntries(account, entries -> resolved(entries, noApps));
        assertNull(byEnforcementApps(inbox, oneApp).get("resolvedAt"), "a password change alone leaves an app warning open");
        assertNull(byEnforcementApps(inbox, twoApps).get("resolvedAt"));

        KafkaTopics.send(Topics.EVENTS, account, TestData.appRevoked(account, "followboost", now.plusSeconds(1)));
        inbox = awaitEntries(account, entries -> resolved(entries, oneApp));
        assertNull(byEnforcementApps(inbox, twoApps).get("resolvedAt"), "the first of two revocations does not resolve it");

        KafkaTopics.send(Topics.EVENTS, account, TestData.appRevoked(account, "likeblaster", now.plusSeconds(2)));
        inbox = awaitEntries(account, entries -> resolved(entries, twoApps));
        assertNotNull(byEnforcementApps(inbox, twoApps).get("resolvedAt"), "the second revocation resolves it");
    }

    @Test
    void stepsTakenBeforeTheWarningArrivesStillResolveIt() {
        String account = newAccount();
        Instant at = Instant.now().minusSeconds(120);
        Instant after = at.plusSeconds(30);
        KafkaTopics.send(Topics.EVENTS, account,
                TestData.appRevoked(account, "likeblaster", after),
                TestData.appRevoked(account, "followboost", after.plusSeconds(1)),
                TestData.passwordChanged(account, after.plusSeconds(2)));
        KafkaTopics.send(Topics.OUTCOMES, account,
                TestData.warning(newEnforcementId(), account, 1, List.of("followboost", "likeblaster"), at));
        awaitEntries(account, entries -> entries.size() == 1 && entries.getFirst().get("resolvedAt") != null);
    }

    @Test
    void stepsTakenBeforeTheEnforcementDoNotCount() {
        String account = newAccount();
        Instant early = Instant.now().minusSeconds(1200);
        Instant late = Instant.now().minusSeconds(60);
        List<String> earlyApps = List.of("early-app");
        List<String> lateApps = List.of("late-app");
        KafkaTopics.send(Topics.OUTCOMES, account,
                TestData.warning(newEnforcementId(), account, 1, earlyApps, early),
                TestData.warning(newEnforcementId(), account, 2, lateApps, late));
        awaitSize(account, 2);

        Instant between = early.plusSeconds(60);
        KafkaTopics.send(Topics.EVENTS, account,
                TestData.appRevoked(account, "late-app", between),
                TestData.appRevoked(account, "early-app", between),
                TestData.passwordChanged(account, between));
        List<Map<String, Object>> inbox = awaitEntries(account, entries -> resolved(entries, earlyApps));
        assertNull(byEnforcementApps(inbox, lateApps).get("resolvedAt"),
                "steps from before the enforcement do not resolve its warning");
    }
}
