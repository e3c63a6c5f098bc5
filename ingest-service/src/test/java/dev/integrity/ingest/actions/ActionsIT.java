package dev.integrity.ingest.actions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.action.ActionType;
import dev.integrity.contract.action.PlatformAction;
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
 * The outbound actions through the real path: events POSTed and ledgered, enforcements applied
 * and reverted through Kafka commands, actions read back from the outbox feed and from the actions
 * topic (read committed, as a platform consumer would).
 */
@QuarkusTest
class ActionsIT {

    private static final String ACTIONS_TOPIC = ConfigProvider.getConfig().getValue("ingest.actions.topic", String.class);

    private final String p = "x" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final Instant t0 = Instant.now().minus(Duration.ofHours(2));
    private final Map<String, String> eventIds = new HashMap<>();
    private final LedgerEvents json = new LedgerEvents(p, Instant.now());

    @Test
    void anEnforcementsHideActionsAreItsRemovalsOneForOneAndItsRevertRestoresExactlyThose() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event("FOLLOW", "bot", "v" + i, null, "followboost", t0.plusSeconds(60L * i)));
        }
        events.add(event("FOLLOW", "bot", "friend", null, "official-android", t0.plusSeconds(700)));
        for (int i = 0; i < 3; i++) {
            events.add(event("LIKE", "bot", "v" + i, "m" + i, "followboost", t0.plusSeconds(800L + i)));
        }
        for (int i = 0; i < 2; i++) {
            events.add(event("COMMENT", "bot", "v" + i, "m" + i, "followboost", t0.plusSeconds(900L + i)));
        }
        LedgerEvents.post(events);
        awaitCount("bot", "commentsGiven", 2);

        EnforcementScope scope = scope("enf", "bot", EnforcementAction.REMOVE_AND_WARN, Instant.now());
        try (KafkaConsumer<String, String> topic = KafkaTopics.tailCommitted(ACTIONS_TOPIC);
                KafkaConsumer<String, String> outcomes = KafkaTopics.tail("enforcement.applied")) {
            command(EnforcementCommand.Kind.APPLY, scope);
            EnforcementOutcome applied = outcome(outcomes, scope.enforcementId(), "APPLIED", 15);
            List<PlatformAction> hides = actionsOf(scope.enforcementId());
            assertEquals(Map.of(ActionType.HIDE_FOLLOW, 10L, ActionType.HIDE_LIKE, 3L, ActionType.HIDE_COMMENT, 2L), counts(hides));
            assertEquals(applied.removed().follows(), counts(hides).get(ActionType.HIDE_FOLLOW));
            assertEquals(applied.removed().likes(), counts(hides).get(ActionType.HIDE_LIKE));
            assertEquals(applied.removed().comments(), counts(hides).get(ActionType.HIDE_COMMENT));
            Set<String> thirdParty = new HashSet<>();
            eventIds.forEach((id, app) -> {
                if (app.equals("followboost")) {
                    thirdParty.add(id);
                }
            });
            assertEquals(thirdParty, sources(hides), "each HIDE names an edge the enforcement removed, and only those");
            for (PlatformAction a : hides) {
                assertEquals(PlatformAction.actionId(a.enforcementId(), a.type(), a.sourceEventId()), a.actionId(), "deterministic id");
                assertEquals(p + "bot", a.accountId());
                assertTrue(a.targetAccountId().startsWith(p + "v"), a.toString());
                assertEquals(a.type() != ActionType.HIDE_FOLLOW, a.mediaId() != null, a.toString());
            }

            // A redelivered APPLY changes nothing and publishes nothing new.
            command(EnforcementCommand.Kind.APPLY, scope);
            outcome(outcomes, scope.enforcementId(), "APPLIED", 15);
            assertEquals(15, actionsOf(scope.enforcementId()).size());

            command(EnforcementCommand.Kind.REVERT, scope);
            outcome(outcomes, scope.enforcementId(), "REVERTED", 15);
            List<PlatformAction> all = actionsOf(scope.enforcementId());
            List<PlatformAction> restores = all.subList(15, all.size());
            assertEquals(Map.of(ActionType.RESTORE_FOLLOW, 10L, ActionType.RESTORE_LIKE, 3L, ActionType.RESTORE_COMMENT, 2L), counts(restores));
            Set<String> undone = new HashSet<>();
            restores.forEach(r -> undone.add(r.type().inverse() + " " + r.sourceEventId() + " " + r.targetAccountId() + " " + r.mediaId()));
            Set<String> done = new HashSet<>();
            hides.forEach(h -> done.add(h.type() + " " + h.sourceEventId() + " " + h.targetAccountId() + " " + h.mediaId()));
            assertEquals(done, undone, "the revert's RESTORE actions undo exactly the HIDE actions");

            // On the topic: exactly these 30, once each, keyed by account, with CloudEvents headers. A later
            // enforcement's action is the sentinel: once it is read, nothing of the first is still on its way.
            EnforcementScope sentinel = sentinel();
            Map<String, Integer> seen = new HashMap<>();
            long deadline = System.currentTimeMillis() + 30_000;
            boolean sentinelSeen = false;
            while (!sentinelSeen && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : topic.poll(Duration.ofMillis(200))) {
                    PlatformAction a = EventJson.mapper().readValue(r.value(), PlatformAction.class);
                    sentinelSeen |= a.enforcementId().equals(sentinel.enforcementId());
                    if (a.enforcementId().equals(scope.enforcementId())) {
                        seen.merge(a.actionId(), 1, Integer::sum);
                        assertEquals(a.accountId(), r.key());
                        assertEquals(a.actionId(), KafkaTopics.header(r, "ce_id"));
                        assertEquals("dev.integrity.action." + a.type(), KafkaTopics.header(r, "ce_type"));
                        assertEquals("/ingest-service", KafkaTopics.header(r, "ce_source"));
                        assertEquals("1.0", KafkaTopics.header(r, "ce_specversion"));
                    }
                }
            }
            assertTrue(sentinelSeen, "the sentinel's action arrived");
            assertEquals(30, seen.size(), "every action on the topic");
            assertTrue(seen.values().stream().allMatch(n -> n == 1), "each once: " + seen);
        }
    }

    @Test
    void aBlockHidesTheEngagementAndBlocksTheAccountAndItsRevertUnblocks() throws Exception {
        LedgerEvents.post(List.of(event("FOLLOW", "b3", "t1", null, "followboost", t0.plusSeconds(10))));
        awaitCount("b3", "followingCount", 1);
        EnforcementScope scope = scope("block", "b3", EnforcementAction.BLOCK, Instant.now());
        try (KafkaConsumer<String, String> outcomes = KafkaTopics.tail("enforcement.applied")) {
            command(EnforcementCommand.Kind.APPLY, scope);
            outcome(outcomes, scope.enforcementId(), "APPLIED", 1);
            assertEquals(Map.of(ActionType.HIDE_FOLLOW, 1L, ActionType.BLOCK_ACCOUNT, 1L), counts(actionsOf(scope.enforcementId())));
            command(EnforcementCommand.Kind.REVERT, scope);
            outcome(outcomes, scope.enforcementId(), "REVERTED", 1);
            List<PlatformAction> all = actionsOf(scope.enforcementId());
            assertEquals(Map.of(ActionType.HIDE_FOLLOW, 1L, ActionType.BLOCK_ACCOUNT, 1L, ActionType.RESTORE_FOLLOW, 1L,
                    ActionType.UNBLOCK_ACCOUNT, 1L), counts(all));
            PlatformAction block = all.stream().filter(a -> a.type() == ActionType.BLOCK_ACCOUNT).findFirst().orElseThrow();
            assertEquals(null, block.targetAccountId());
            assertEquals(null, block.sourceEventId());
        }
    }

    @Test
    void engagementThatArrivesAfterTheApplicationAndFallsInItsScopeIsRemovedOnArrivalCountedAndPublished() throws Exception {
        List<String> early = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            early.add(event("FOLLOW", "late", "w" + i, null, "followboost", t0.plusSeconds(60L * i)));
        }
        LedgerEvents.post(early);
        awaitCount("late", "followingCount", 5);
        Instant decided = Instant.now().minusSeconds(30);
        EnforcementScope scope = scope("lateenf", "late", EnforcementAction.REMOVE_AND_WARN, decided);
        try (KafkaConsumer<String, String> outcomes = KafkaTopics.tail("enforcement.applied")) {
            command(EnforcementCommand.Kind.APPLY, scope);
            outcome(outcomes, scope.enforcementId(), "APPLIED", 5);

            // Occurred before the decision through the flagged app, arriving now (another shard was slow):
            // in scope. One after the decision, and one first-party, are not.
            List<String> late = new ArrayList<>();
            for (int i = 5; i < 8; i++) {
                late.add(event("FOLLOW", "late", "w" + i, null, "followboost", t0.plusSeconds(60L * i)));
            }
            late.add(event("FOLLOW", "late", "w8", null, "followboost", decided.plusSeconds(10)));
            late.add(event("FOLLOW", "late", "w9", null, "official-ios", t0.plusSeconds(600)));
            LedgerEvents.post(late);
            EnforcementOutcome grown = outcome(outcomes, scope.enforcementId(), "APPLIED", 8);
            assertEquals(8, grown.removed().follows(), "counted in its removals");
            awaitCount("late", "followingCount", 2);
            assertEquals(8, ledger("late").getInt("removed.follows"));
            assertEquals(0, ledger("w6").getInt("followerCount"));
            assertEquals(1, ledger("w8").getInt("followerCount"), "after the decision: the strike ladder's business, not removed");
            assertEquals(Map.of(ActionType.HIDE_FOLLOW, 8L), counts(actionsOf(scope.enforcementId())));

            command(EnforcementCommand.Kind.REVERT, scope);
            outcome(outcomes, scope.enforcementId(), "REVERTED", 8);
            assertEquals(10, ledger("late").getInt("followingCount"), "the revert restores the late ones too");
            assertEquals(Map.of(ActionType.HIDE_FOLLOW, 8L, ActionType.RESTORE_FOLLOW, 8L), counts(actionsOf(scope.enforcementId())));
        }
    }

    @Test
    void theFeedPagesThroughTensOfThousandsOfActionsOldestFirstWithStableCursors() throws Exception {
        int follows = 25_000;
        for (int from = 0; from < follows; from += 10_000) {
            List<String> batch = new ArrayList<>();
            for (int i = from; i < Math.min(follows, from + 10_000); i++) {
                batch.add(event("FOLLOW", "bulk", "r" + i, null, "followboost", t0.plusMillis(100L * i)));
            }
            LedgerEvents.post(batch);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(follows, ledger("bulk").getInt("followingCount")));
        EnforcementScope scope = scope("bulkenf", "bulk", EnforcementAction.REMOVE_AND_WARN, Instant.now());
        try (KafkaConsumer<String, String> outcomes = KafkaTopics.tail("enforcement.applied")) {
            command(EnforcementCommand.Kind.APPLY, scope);
            outcome(outcomes, scope.enforcementId(), "APPLIED", follows);
        }

        String cursor = null;
        String middle = null;
        List<String> middlePage = null;
        List<String> ours = new ArrayList<>();
        Set<String> everyId = new HashSet<>();
        for (int page = 0; page < 1000; page++) {
            JsonPath answer = feed(cursor, 1000);
            List<String> ids = answer.getList("items.actionId");
            if (ids.isEmpty()) {
                assertEquals(cursor, answer.getString("next"), "the end of the feed keeps its cursor, to be polled");
                break;
            }
            if (middle == null && ours.size() > follows / 2) {
                middle = cursor;
                middlePage = ids;
            }
            List<String> enforcement = answer.getList("items.enforcementId");
            for (int i = 0; i < ids.size(); i++) {
                assertTrue(everyId.add(ids.get(i)), "no action twice across pages: " + ids.get(i));
                if (enforcement.get(i).equals(scope.enforcementId())) {
                    ours.add(ids.get(i));
                }
            }
            cursor = answer.getString("next");
        }
        assertEquals(follows, ours.size(), "every action of the enforcement, once");
        assertEquals(ours, actionsOf(scope.enforcementId()).stream().map(PlatformAction::actionId).toList(), "oldest first");
        assertEquals(middlePage, feed(middle, 1000).getList("items.actionId"), "the same cursor gives the same items");

        given().auth().oauth2(Tokens.platform()).queryParam("after", "not-a-cursor!").when().get("/actions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.platform()).queryParam("after", "YTEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNA").when().get("/actions").then().statusCode(400);
        given().auth().oauth2(Tokens.platform()).queryParam("limit", 0).when().get("/actions").then().statusCode(400);
        given().auth().oauth2(Tokens.platform()).queryParam("limit", 1001).when().get("/actions").then().statusCode(400);
        given().auth().oauth2(Tokens.platform()).when().get("/actions").then().statusCode(200).body("items.size()", equalTo(100));
    }

    // Helpers

    private EnforcementScope scope(String name, String account, EnforcementAction action, Instant decidedAt) {
        return new EnforcementScope(p + name, p + account, action, action == EnforcementAction.BLOCK ? 3 : 1, List.of("followboost"),
                t0.minus(Duration.ofHours(1)), decidedAt, List.of());
    }

    /** A small enforcement applied after the others, whose action marks the end of what they published. */
    private EnforcementScope sentinel() throws Exception {
        LedgerEvents.post(List.of(event("FOLLOW", "sentinel", "s0", null, "followboost", t0.plusSeconds(5))));
        awaitCount("sentinel", "followingCount", 1);
        EnforcementScope scope = scope("sentinel-enf", "sentinel", EnforcementAction.REMOVE_AND_WARN, Instant.now());
        command(EnforcementCommand.Kind.APPLY, scope);
        return scope;
    }

    private String event(String type, String actor, String target, String media, String app, Instant at) {
        eventIds.put(json.nextId(), app == null ? "" : app);
        return json.event(type, actor, target, media, app, at);
    }

    private JsonPath ledger(String account) {
        return given().auth().oauth2(Tokens.moderator()).when().get("/accounts/" + p + account + "/ledger").then().statusCode(200).extract().jsonPath();
    }

    private void awaitCount(String account, String field, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.moderator()).when().get("/accounts/" + p + account + "/ledger").then().statusCode(200).body(field, equalTo(expected)));
    }

    private static JsonPath feed(String after, int limit) {
        var request = given().auth().oauth2(Tokens.platform()).queryParam("limit", limit);
        if (after != null) {
            request = request.queryParam("after", after);
        }
        return request.when().get("/actions").then().statusCode(200).extract().jsonPath();
    }

    private static List<PlatformAction> actionsOf(String enforcementId) throws Exception {
        String json = given().auth().oauth2(Tokens.platform()).when().get("/actions/enforcements/" + enforcementId).then().statusCode(200).extract().asString();
        return List.of(EventJson.mapper().readValue(json, PlatformAction[].class));
    }

    private static Map<ActionType, Long> counts(List<PlatformAction> actions) {
        Map<ActionType, Long> counts = new EnumMap<>(ActionType.class);
        actions.forEach(a -> counts.merge(a.type(), 1L, Long::sum));
        return counts;
    }

    private Set<String> sources(List<PlatformAction> actions) {
        Set<String> ids = new HashSet<>();
        actions.forEach(a -> ids.add(a.sourceEventId()));
        return ids;
    }

    private static void command(EnforcementCommand.Kind kind, EnforcementScope scope) throws Exception {
        KafkaTopics.send("enforcement.decided", scope.accountId(), EventJson.mapper().writeValueAsString(new EnforcementCommand(kind, scope)));
    }

    /** Waits for the enforcement's outcome in the given status that removed (or restored) the given total. */
    private static EnforcementOutcome outcome(KafkaConsumer<String, String> outcomes, String id, String status, long total) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            ConsumerRecord<String, String> record = KafkaTopics.await(outcomes, Duration.ofSeconds(20),
                    r -> r.value().contains(id) && r.value().contains("\"" + status + "\""));
            EnforcementOutcome outcome = EventJson.mapper().readValue(record.value(), EnforcementOutcome.class);
            if (outcome.removed().total() == total) {
                return outcome;
            }
        }
        throw new AssertionError("no " + status + " outcome of " + id + " with " + total + " removals");
    }
}
