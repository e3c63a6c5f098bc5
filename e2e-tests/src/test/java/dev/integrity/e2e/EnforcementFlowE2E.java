package dev.integrity.e2e;

import static dev.integrity.e2e.Gateway.account;
import static dev.integrity.e2e.Gateway.api;
import static dev.integrity.e2e.Gateway.enforcementOf;
import static dev.integrity.e2e.Gateway.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The whole product on one case, through the gateway: twelve bots buy follows through an app, all
 * of them following one small account. Nine enforcements apply; the tenth would take the small
 * account to ten lost followers of thirteen within a day, so the guard holds it (and the two
 * after it). A moderator approves one held enforcement, the ledger removes its follows, the account is
 * warned in its inbox; the moderator reverts it and every follow and count comes back, with a
 * message saying so.
 */
class EnforcementFlowE2E {

    private static final int BOTS = 12;
    private static final int FOLLOWS = 60;

    private final String p = "ef" + UUID.randomUUID().toString().substring(0, 6);
    private final String small = BoughtFollows.small(p);
    private final String moderator = DevTokens.token("moderator", "mod-e2e");

    private List<Map<String, Object>> enforcementsOfBots() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int b = 0; b < BOTS; b++) {
            Map<String, Object> e = enforcementOf(p + "-bot" + b);
            if (e != null) {
                all.add(e);
            }
        }
        return all;
    }

    private static long count(List<Map<String, Object>> enforcements, String status) {
        return enforcements.stream().filter(e -> status.equals(e.get("status"))).count();
    }

    @Test
    void heldThenApprovedThenRevertedExactly() {
        send(BoughtFollows.events(p, BOTS, FOLLOWS, Instant.now().minus(Duration.ofHours(2))));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, Object>> all = enforcementsOfBots();
            assertEquals(BOTS, all.size(), "every bot has an enforcement: " + all);
            assertEquals(9, count(all, "APPLIED"), "nine apply before the small account would lose ten: " + all);
            assertEquals(3, count(all, "HELD"), "the rest are held: " + all);
        });
        Map<String, Object> held = enforcementsOfBots().stream().filter(e -> "HELD".equals(e.get("status"))).findFirst().orElseThrow();
        String bot = (String) held.get("accountId");
        assertTrue(String.valueOf(held.get("heldReason")).contains(small), "the reason names the small account: " + held);
        String id = (String) held.get("id");
        List<Map<String, Object>> impact = api(moderator).when().get("/api/v1/enforcements/" + id + "/impact")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> onSmall = impact.stream().filter(r -> small.equals(r.get("accountId"))).findFirst().orElseThrow();
        // The impact was reported when the enforcement was proposed, maybe before the others applied.
        assertEquals(1, (Integer) onSmall.get("followersBefore") - (Integer) onSmall.get("followersAfter"));
        assertEquals(FOLLOWS, account(bot).getInt("followingCount"), "held: nothing removed yet");

        api(moderator).when().post("/api/v1/enforcements/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPLIED"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(FOLLOWS, account(bot).getInt("removed.follows")));
        assertEquals(0, account(bot).getInt("followingCount"));
        assertEquals(3, account(small).getInt("followerCount"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("WARNED", account(bot).getString("status")));
        assertEquals("CLEAN", account(p + "-friend").getString("status"));

        String user = DevTokens.token("user", bot);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath inbox = api(user).when().get("/api/v1/accounts/" + bot + "/notifications").then().statusCode(200).extract().jsonPath();
            assertEquals("INAUTHENTIC_ACTIVITY_WARNING", inbox.getString("[0].kind"));
            assertTrue(inbox.getList("[0].actions").containsAll(List.of("CHANGE_PASSWORD", "REVIEW_CONNECTED_APPS")));
            assertTrue(inbox.getString("[0].body").contains("followboost"));
        });
        api(moderator).when().post("/api/v1/enforcements/" + id + "/approve").then().statusCode(409)
                .contentType("application/problem+json");
        api(DevTokens.token("user", p + "-friend")).when().get("/api/v1/accounts/" + bot + "/notifications").then().statusCode(403);

        api(moderator).when().post("/api/v1/enforcements/" + id + "/revert").then().statusCode(200).body("status", equalTo("REVERTED"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(FOLLOWS, account(bot).getInt("followingCount")));
        assertEquals(0, account(bot).getInt("removed.follows"));
        assertEquals(4, account(small).getInt("followerCount"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath inbox = api(user).header("Accept-Language", "de").when().get("/api/v1/accounts/" + bot + "/notifications")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("ENFORCEMENT_REVERSED", inbox.getString("[0].kind"));
            assertEquals("de", inbox.getString("[0].locale"));
            assertTrue(inbox.getString("[1].rescindedAt") != null, "the warning is marked rescinded");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("CLEAN", account(bot).getString("status")));
    }
}
