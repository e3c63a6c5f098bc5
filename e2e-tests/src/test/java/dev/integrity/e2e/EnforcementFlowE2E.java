package dev.integrity.e2e;

import static io.restassured.RestAssured.given;
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
import io.restassured.specification.RequestSpecification;

/**
 * The whole product on one case, through the gateway: a bot buys follows through an app; one of
 * its targets would lose half its followers, so the guard holds the enforcement; a moderator
 * approves it, the ledger removes the follows, the account is warned in its inbox; the moderator
 * reverts it and every follow and count comes back, with a message saying so.
 */
class EnforcementFlowE2E {

    private final String p = "ef" + UUID.randomUUID().toString().substring(0, 6);
    private final String bot = p + "-bot";
    private final String small = p + "-t0";
    private final String moderator = DevTokens.token("moderator", "mod-e2e");

    private RequestSpecification api(String token) {
        return given().baseUri(Suite.gateway()).auth().oauth2(token);
    }

    private void send(List<String> events) {
        api(DevTokens.token("ingest", "e2e-integrator")).contentType("application/json").body("[" + String.join(",", events) + "]")
                .when().post("/api/v1/events").then().statusCode(202).body("accepted", equalTo(events.size()));
    }

    private JsonPath account(String id) {
        return api(moderator).when().get("/api/v1/accounts/" + id).then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> enforcement() {
        List<Map<String, Object>> list = api(moderator).queryParam("accountId", bot).when().get("/api/v1/enforcements")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return list.isEmpty() ? null : list.getFirst();
    }

    @Test
    void heldThenApprovedThenRevertedExactly() {
        Instant start = Instant.now().minus(Duration.ofHours(2));
        List<String> events = new ArrayList<>();
        events.add("""
                {"eventId":"%s-p","type":"PROFILE_SNAPSHOT","accountId":"%s","occurredAt":"%s","profile":{"username":"%sbot8391027",
                 "fullName":"","biography":"","externalUrl":null,"hasProfilePicture":false,"isPrivate":false,"mediaCount":0,
                 "followerCount":2,"followingCount":1900}}""".formatted(p, bot, start.minusSeconds(60), p));
        events.add("""
                {"eventId":"%s-f","type":"FOLLOW","accountId":"%s-friend","occurredAt":"%s","clientAppId":"official-ios","targetAccountId":"%s"}"""
                .formatted(p, p, start.minusSeconds(30), small));
        for (int i = 0; i < 300; i++) {
            events.add("""
                    {"eventId":"%s-e%d","type":"FOLLOW","accountId":"%s","occurredAt":"%s","clientAppId":"followboost","targetAccountId":"%s-t%d"}"""
                    .formatted(p, i, bot, start.plusSeconds(20L * i), p, i));
        }
        send(events);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> enforcement() != null && "HELD".equals(enforcement().get("status")));
        String id = (String) enforcement().get("id");
        List<Map<String, Object>> impact = api(moderator).when().get("/api/v1/enforcements/" + id + "/impact")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> onSmall = impact.stream().filter(r -> small.equals(r.get("accountId"))).findFirst().orElseThrow();
        assertEquals(2, onSmall.get("followersBefore"));
        assertEquals(1, onSmall.get("followersAfter"));
        assertEquals(300, account(bot).getInt("followingCount"), "held: nothing removed yet");

        api(moderator).when().post("/api/v1/enforcements/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPLIED"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(300, account(bot).getInt("removed.follows")));
        assertEquals(0, account(bot).getInt("followingCount"));
        assertEquals(1, account(small).getInt("followerCount"));
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
                .untilAsserted(() -> assertEquals(300, account(bot).getInt("followingCount")));
        assertEquals(0, account(bot).getInt("removed.follows"));
        assertEquals(2, account(small).getInt("followerCount"));
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
