package dev.integrity.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Scoring against the real Kafka, Redis and PostgreSQL: events go to account-events as ingest would
 * publish them, and the service's view of each account is read back over its internal API.
 */
@QuarkusTest
class ScoringIT {

    @jakarta.inject.Inject
    io.vertx.mutiny.redis.client.Redis redis;

    private final String p = "s" + UUID.randomUUID().toString().substring(0, 6) + "-";
    private final Instant now = Instant.now();

    /** A request with a moderator's token, as the gateway forwards it. */
    private static RequestSpecification asModerator() {
        return given().auth().oauth2(Tokens.moderator());
    }

    private JsonPath account(String id) {
        return asModerator().when().get("/accounts/" + id).then().statusCode(200).extract().jsonPath();
    }

    private List<Object> enforcementsOf(String id) {
        return asModerator().queryParam("accountId", id).when().get("/enforcements").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    @Test
    void aBotFollowingHundredsThroughAnAppGetsOneRemoveAndWarnNamingTheAppAndAReplayProposesNothingNew() {
        String bot = p + "bot";
        Events events = Events.appBot(bot, p + "target", now);
        Events.send(events.all());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1, enforcementsOf(bot).size()));
        JsonPath enforcement = asModerator().queryParam("accountId", bot).when().get("/enforcements").then().extract().jsonPath();
        assertEquals("REMOVE_AND_WARN", enforcement.getString("[0].action"));
        List<String> reasons = enforcement.getList("[0].reasons");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("follows in the last 24 h came through third-party app 'followboost'")),
                "reasons name the app: " + reasons);
        assertEquals(List.of("followboost"), enforcement.getList("[0].apps"));
        assertEquals("SUSPECT", account(bot).getString("status"));

        // The same stream again (as after a restart: Kafka redelivers what was not committed) proposes nothing.
        Events.send(events.all());
        Events.send(List.of(new Events().follow(bot, p + "one-more", "followboost", now.minusSeconds(30)).all().getFirst()));
        awaitProcessed(bot);
        assertEquals(1, enforcementsOf(bot).size());
    }

    @Test
    void aGenuineHeavyUserAndAnAccountWithASchedulingAppStayClean() {
        String heavy = p + "heavy";
        String scheduler = p + "brand";
        Events events = new Events().profile(heavy, Events.genuineProfile(heavy), now.minus(Duration.ofHours(25)))
                .profile(scheduler, Events.genuineProfile(scheduler), now.minus(Duration.ofHours(25)))
                .authorize(scheduler, "buffer-scheduler", now.minus(Duration.ofHours(24)));
        for (int i = 0; i < 3000; i++) {
            events.like(heavy, p + "creator" + (i % 400), "m" + i, i % 2 == 0 ? "official-ios" : "official-web",
                    now.minus(Duration.ofHours(23)).plusSeconds(27L * i));
        }
        for (int i = 0; i < 60; i++) {
            events.post(scheduler, "post" + i, "buffer-scheduler", now.minus(Duration.ofHours(20)).plusSeconds(600L * i));
            events.like(scheduler, p + "fan" + i, "fm" + i, "official-android", now.minus(Duration.ofHours(20)).plusSeconds(600L * i + 5));
        }
        Events.send(events.all());

        awaitProcessed(heavy);
        awaitProcessed(scheduler);
        assertEquals("CLEAN", account(heavy).getString("status"));
        assertEquals("CLEAN", account(scheduler).getString("status"));
        assertEquals(0, enforcementsOf(heavy).size());
        assertEquals(0, enforcementsOf(scheduler).size());
    }

    @Test
    void aFarmOfThirtyFollowingTheSame200TargetsWithinMinutesIsOneGroup() {
        Events events = new Events();
        Instant start = now.minus(Duration.ofMinutes(30));
        for (int t = 0; t < 200; t++) {
            for (int b = 0; b < 30; b++) {
                events.follow(p + "farm" + b, p + "victim" + t, "official-android", start.plusMillis(t * 1000L + b * 20L));
            }
        }
        Events.send(events.all());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> groups = new HashSet<>();
            for (int b = 0; b < 30; b++) {
                groups.add(account(p + "farm" + b).getString("groupId"));
            }
            assertEquals(1, groups.size(), "one group: " + groups);
            assertTrue(!groups.contains(null), "every farm account is in it");
        });
        String group = account(p + "farm0").getString("groupId");
        asModerator().when().get("/accounts/groups/" + group).then().statusCode(200).body("members.size()", equalTo(30));
        List<String> reasons = account(p + "farm7").getList("reasons");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("lockstep") && r.contains(group)), reasons.toString());
    }

    @Test
    void unknownAccountIs404AndIllegalTransitionsAre409() {
        asModerator().when().get("/accounts/" + p + "nobody").then().statusCode(404).contentType("application/problem+json");
        asModerator().when().post("/enforcements/" + p + "nothing/approve").then().statusCode(404).contentType("application/problem+json");
        asModerator().queryParam("status", "BOGUS").when().get("/enforcements").then().statusCode(400);
    }

    @Test
    void aFarmOf25FollowingTheSame60TargetsWithin15MinutesIsFoundWholeEvenTheFirstToAct() {
        Events events = new Events();
        Instant start = now.minus(Duration.ofMinutes(40));
        for (int b = 0; b < 25; b++) {
            Instant at = start.plusSeconds(36L * b);
            for (int t = 0; t < 60; t++) {
                events.follow(p + "early" + b, p + "aim" + t, "official-android", at.plusMillis(500L * t));
            }
        }
        Events.send(events.all());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int b = 0; b < 25; b++) {
                JsonPath a = account(p + "early" + b);
                assertEquals("SUSPECT", a.getString("status"), "early" + b + " is found: " + a.getList("reasons"));
                assertEquals(1, enforcementsOf(p + "early" + b).size(), "early" + b + " has its enforcement");
            }
        });
        List<String> reasons = account(p + "early0").getList("reasons");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("lockstep")), reasons.toString());
    }

    @Test
    void aHeavyFirstPartyLikerWhoseLikesLandOnALikeFarmsTargetsInItsWindowsStaysClean() {
        String heavy = p + "fan";
        Instant start = now.minus(Duration.ofMinutes(50));
        // Its browsing reaches the suite (and is processed) before the farm acts and before its own likes
        // on the farm's targets: membership is judged on the counts when the group forms
        // (docs/lockstep.md), and the partitions of different accounts are processed independently.
        Events browsing = new Events().profile(heavy, Events.genuineProfile(heavy), now.minus(Duration.ofHours(2)));
        for (int o = 0; o < 40; o++) {
            browsing.like(heavy, p + "creator" + o, "c" + o, o % 2 == 0 ? "official-ios" : "official-web", start.plusSeconds(20 + 7L * o));
        }
        Events.send(browsing.all());
        awaitProcessed(heavy, "browsing-");
        Events events = new Events();
        for (int b = 0; b < 25; b++) {
            for (int t = 0; t < 21; t++) {
                events.like(p + "lf" + b, p + "owner" + t, "m" + t, "official-ios", start.plusSeconds(8L * b).plusMillis(300L * t));
            }
        }
        for (int t = 0; t < 21; t++) {
            events.like(heavy, p + "owner" + t, "m" + t, "official-ios", start.plusSeconds(30 + 5L * t));
        }
        Events.send(events.all());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int b = 0; b < 25; b++) {
                assertEquals("SUSPECT", account(p + "lf" + b).getString("status"), "lf" + b);
            }
        });
        awaitProcessed(heavy);
        JsonPath fan = account(heavy);
        assertEquals("CLEAN", fan.getString("status"), fan.getList("reasons").toString());
        assertEquals(null, fan.getString("groupId"));
        assertEquals(0, enforcementsOf(heavy).size());
    }

    @Test
    void scoringRecoversWhenRedisForgetsItsScripts() {
        awaitProcessed(p + "warm-up"); // the service has loaded its scripts and knows their SHAs
        // As after a Redis restart: the scripts' SHAs the service knows are no longer loaded.
        redis.send(io.vertx.mutiny.redis.client.Request.cmd(io.vertx.mutiny.redis.client.Command.SCRIPT).arg("FLUSH"))
                .await().atMost(Duration.ofSeconds(5));
        String bot = p + "after-flush";
        Events.send(Events.appBot(bot, p + "flushed", now).all());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1, enforcementsOf(bot).size()));
    }

    /**
     * Waits until scoring has decided on a sentinel bot whose events share the account's partition
     * and were sent after the account's: every earlier event of the account was processed by then,
     * so "nothing happened" to the account is a finding, not a race.
     */
    private void awaitProcessed(String account) {
        awaitProcessed(account, "");
    }

    /** The same, with a sentinel of its own for each {@code tag} (a sentinel decided once would not wait again). */
    private void awaitProcessed(String account, String tag) {
        String sentinel = Events.samePartitionAs(account, p + "sentinel-" + tag + account.substring(p.length()) + "-");
        Events.send(Events.appBot(sentinel, p + "st", now).all());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1, enforcementsOf(sentinel).size(), "sentinel decided"));
    }
}
