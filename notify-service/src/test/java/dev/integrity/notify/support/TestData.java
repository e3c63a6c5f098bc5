package dev.integrity.notify.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.contract.review.AppealDecision;
import dev.integrity.contract.review.AppealStatus;

/** Outcomes, appeal decisions and account events as the other services publish them, for fresh accounts per test. */
public final class TestData {

    private TestData() {
    }

    /** An account id no earlier run used. */
    public static String newAccount() {
        return "it-n-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static String newEnforcementId() {
        return "it-enf-" + UUID.randomUUID();
    }

    /** An APPLIED outcome as JSON; the action is written as given, so that a test can send one outside the contract. */
    public static String applied(String enforcementId, String accountId, String action, int strike, Removed removed,
            List<String> apps, Instant at) {
        com.fasterxml.jackson.databind.node.ObjectNode outcome = EventJson.mapper().valueToTree(new EnforcementOutcome(enforcementId, accountId,
                null, strike, EnforcementOutcome.Status.APPLIED, removed, apps, at));
        outcome.put("action", action);
        return outcome.toString();
    }

    public static String warning(String enforcementId, String accountId, int strike, List<String> apps, Instant at) {
        return applied(enforcementId, accountId, "REMOVE_AND_WARN", strike, new Removed(12, 30, 4), apps, at);
    }

    public static String block(String enforcementId, String accountId, List<String> apps, Instant at) {
        return applied(enforcementId, accountId, "BLOCK", 3, new Removed(3, 0, 1), apps, at);
    }

    public static String reverted(String enforcementId, String accountId, String action, int strike, List<String> apps, Instant at) {
        return json(new EnforcementOutcome(enforcementId, accountId, action == null ? null : EnforcementAction.valueOf(action), strike, EnforcementOutcome.Status.REVERTED,
                new Removed(12, 30, 4), apps, at));
    }

    public static String newAppealId() {
        return "it-appeal-" + UUID.randomUUID();
    }

    /** A moderator's decision on an appeal as JSON, as scoring publishes it on appeal.decisions. */
    public static String appealDecision(String appealId, String enforcementId, String accountId, AppealStatus status,
            String note, Instant decidedAt) {
        return json(new AppealDecision(appealId, enforcementId, accountId, status, note, "moderator-it", decidedAt));
    }

    public static String passwordChanged(String accountId, Instant occurredAt) {
        return EventJson.toJson(event(EventType.PASSWORD_CHANGED, accountId, occurredAt, null));
    }

    public static String appRevoked(String accountId, String appId, Instant occurredAt) {
        return EventJson.toJson(event(EventType.APP_REVOKED, accountId, occurredAt, appId));
    }

    private static AccountEvent event(EventType type, String accountId, Instant occurredAt, String appId) {
        return new AccountEvent("it-e-" + UUID.randomUUID(), type, accountId, occurredAt, "official-web", null, null,
                null, null, null, appId, null);
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
