package dev.integrity.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.integrity.ingest.support.LedgerEvents;
import dev.integrity.support.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /accounts/{id}/activity on the ledger fed through the real path: events POSTed, published
 * to Kafka, consumed into PostgreSQL, then read back per hour and app.
 */
@QuarkusTest
class AccountActivityIT {

    private final String p = "h" + UUID.randomUUID().toString().substring(0, 8) + "-";
    /** On the hour, well in the past: the buckets are known in advance, and the window must end at the newest event, not now. */
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));
    private final LedgerEvents json = new LedgerEvents(p, t0);



    private void awaitCount(String account, String field, int expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.moderator()).when().get("/accounts/" + p + account + "/ledger").then().statusCode(200).body(field, equalTo(expected)));
    }

    private JsonPath activity(String account, String query) {
        return given().auth().oauth2(Tokens.moderator()).when().get("/accounts/" + p + account + "/activity" + query)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** The items as "hour offset from t0|app|follows|likes|comments", in the answer's order. */
    private List<String> rows(JsonPath answer) {
        List<Map<String, Object>> items = answer.getList("items");
        return items.stream().map(i -> Duration.between(t0, Instant.parse((String) i.get("at"))).toHours() + "h|" + i.get("app")
                + "|" + i.get("follows") + "|" + i.get("likes") + "|" + i.get("comments")).toList();
    }

    @Test
    void theEngagementAnAccountGaveIsCountedPerHourAndAppInTheHoursUpToItsNewestEvent() {
        LedgerEvents.post(List.of(
                json.event("FOLLOW", "a", "b", null, "followboost", 5),
                json.event("FOLLOW", "a", "c", null, "followboost", 6),
                json.event("LIKE", "a", "b", "m1", "followboost", 7),
                json.event("UNFOLLOW", "a", "b", null, "followboost", 20), // the ended follow is still activity
                json.event("FOLLOW", "a", "b", null, "followboost", 25), // a new edge: counted again
                json.event("FOLLOW", "a", "c", null, "followboost", 26), // already following: no edge, nothing to count
                json.event("FOLLOW", "a", "d", null, "official-ios", 30), // a first-party app
                json.event("COMMENT", "a", "b", "m1", null, 40), // no app: first-party
                json.event("LIKE", "b", "a", "mb", "followboost", 50), // engagement a received, not gave
                json.event("LIKE", "a", "b", "m2", "likefarm", 130),
                json.event("LIKE", "a", "b", "m3", "followboost", 131),
                json.event("COMMENT", "a", "b", "m2", "followboost", 132),
                json.event("FOLLOW", "a", "e", null, "official-web", 210))); // the newest: t0 + 3h30
        awaitCount("a", "followingCount", 4);
        awaitCount("b", "likesGiven", 1);

        JsonPath week = activity("a", "");
        assertEquals(p + "a", week.getString("accountId"));
        assertEquals("PT1H", week.getString("bucket"));
        assertEquals(t0.toString(), week.getString("items[0].at"), "the hour, in UTC, as an ISO-8601 instant");
        assertEquals(List.of(
                "0h|first-party|1|0|1",
                "0h|followboost|3|1|0",
                "2h|followboost|0|1|1",
                "2h|likefarm|0|1|0",
                "3h|first-party|1|0|0"), rows(week), "default window: everything, oldest first");
        assertEquals(rows(week), rows(activity("a", "?hours=720")));

        // The window ends at the newest event (t0 + 3h30), not at the wall clock (t0 + 6h or later).
        assertEquals(List.of("3h|first-party|1|0|0"), rows(activity("a", "?hours=1")));
        assertEquals(List.of("2h|followboost|0|1|1", "2h|likefarm|0|1|0", "3h|first-party|1|0|0"), rows(activity("a", "?hours=2")));

        // Only what b gave, not the follows it received from a.
        assertEquals(List.of("0h|followboost|0|1|0"), rows(activity("b", "")));
        // Known to the ledger (it was followed) but gave nothing: no hours.
        given().auth().oauth2(Tokens.moderator()).when().get("/accounts/" + p + "d/activity").then().statusCode(200)
                .body("accountId", equalTo(p + "d")).body("bucket", equalTo("PT1H")).body("items", empty());
    }

    @Test
    void hoursOutsideOneTo720OrNotANumberIsA400NamingTheParameter() {
        for (String hours : List.of("0", "-1", "721", "abc", "1.5")) {
            given().auth().oauth2(Tokens.moderator()).queryParam("hours", hours).when().get("/accounts/" + p + "a/activity")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("detail", containsString("hours"));
        }
    }

    @Test
    void anAccountTheLedgerNeverSawIsA404() {
        given().auth().oauth2(Tokens.moderator()).when().get("/accounts/" + p + "nobody/activity").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.moderator()).queryParam("hours", 24).when().get("/accounts/" + p + "nobody/activity").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
