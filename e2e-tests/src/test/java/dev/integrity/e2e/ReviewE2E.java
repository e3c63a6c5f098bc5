package dev.integrity.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Review at scale and the user's voice (contract 6.2 and 6.3), through the gateway: twelve bots buy
 * follows of one small account ({@link BoughtFollows}); nine enforcements apply and the guard holds
 * three to protect it. Those three are one case; one approval with the count the moderator saw
 * applies them all and the small account is left with exactly its one genuine follower; a stale count
 * is refused. Two bots appeal their warnings: a granted appeal restores exactly what its enforcement
 * removed and the strike, a denied one tells the user so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewE2E {

    private static final int BOTS = 12;
    private static final int FOLLOWS = 60;

    private final String p = "rv" + UUID.randomUUID().toString().substring(0, 6);
    private final String small = BoughtFollows.small(p);
    private final String moderator = Gateway.MODERATOR;

    private List<Map<String, Object>> enforcementsOfBots() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int b = 0; b < BOTS; b++) {
            Map<String, Object> e = Gateway.enforcementOf(BoughtFollows.bot(p, b));
            if (e != null) {
                all.add(e);
            }
        }
        return all;
    }

    private static List<Map<String, Object>> withStatus(List<Map<String, Object>> all, String status) {
        return all.stream().filter(e -> status.equals(e.get("status"))).toList();
    }

    @BeforeAll
    void farmHeldToProtectASmallAccount() {
        Gateway.send(BoughtFollows.events(p, BOTS, FOLLOWS, Instant.now().minus(Duration.ofHours(2))));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, Object>> all = enforcementsOfBots();
            assertEquals(BOTS, all.size(), "every bot has an enforcement: " + all);
            assertEquals(9, withStatus(all, "APPLIED").size(), "nine apply: " + all);
            assertEquals(3, withStatus(all, "HELD").size(), "three are held: " + all);
        });
    }

    /** The open case that holds the enforcement, found by paging through the queue. */
    private Map<String, Object> openCaseOf(String enforcementId) {
        String after = null;
        do {
            var request = Gateway.api(moderator).queryParam("status", "OPEN").queryParam("limit", 50);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/v1/cases").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> c : page.<Map<String, Object>> getList("items")) {
                if (((List<?>) c.get("enforcementIds")).contains(enforcementId)) {
                    return c;
                }
            }
            after = page.getString("next");
        } while (after != null);
        return null;
    }

    @Test
    @Order(1)
    void theHeldFarmIsOneCaseDecidedOnceAndTheSmallAccountKeepsItsGenuineFollower() {
        List<Map<String, Object>> held = withStatus(enforcementsOfBots(), "HELD");
        Set<String> heldIds = new HashSet<>(held.stream().map(e -> (String) e.get("id")).toList());
        Map<String, Object> summary = await().atMost(Duration.ofSeconds(30)).until(() -> openCaseOf(held.getFirst().get("id").toString()),
                c -> c != null && ((Number) c.get("held")).intValue() == 3);
        assertEquals("PROTECTED_RECEIVER", summary.get("kind"), "held to protect one receiver: " + summary);
        assertEquals(heldIds, new HashSet<>((List<?>) summary.get("enforcementIds")), "all three held, nothing else: " + summary);
        int heldFollows = held.stream().mapToInt(e -> ((Number) ((Map<?, ?>) e.get("removed")).get("follows")).intValue()).sum();
        assertTrue(heldFollows > 0, "the held enforcements would remove follows: " + held);
        assertEquals(heldFollows, ((Number) ((Map<?, ?>) summary.get("removed")).get("follows")).intValue(),
                "the case sums what its held members would remove: " + summary);
        String caseId = (String) summary.get("id");

        JsonPath detail = Gateway.api(moderator).when().get("/api/v1/cases/" + caseId).then().statusCode(200).extract().jsonPath();
        Map<String, Object> onSmall = detail.<Map<String, Object>> getList("impact").stream()
                .filter(r -> small.equals(r.get("accountId"))).findFirst().orElseThrow();
        assertEquals(3, ((Number) onSmall.get("followersBefore")).intValue() - ((Number) onSmall.get("followersAfter")).intValue(),
                "the small account would lose one follower per held bot: " + onSmall);
        assertEquals(3, detail.getList("evidence.members").size());
        assertTrue(detail.<String> getList("evidence.reasons.reason").stream().anyMatch(r -> r.contains(BoughtFollows.APP)),
                "a reason names the app: " + detail.getList("evidence.reasons"));
        assertTrue(detail.<Map<String, Object>> getList("audit").stream().anyMatch(a -> "guard".equals(a.get("actor")) && "HELD".equals(a.get("to"))),
                "the audit shows the guard's holds: " + detail.getList("audit"));

        Gateway.api(moderator).contentType("application/json").body(Map.of("decision", "APPROVE", "note", "a bought-follows farm", "expectedEnforcements", 2))
                .when().post("/api/v1/cases/" + caseId + "/decide").then().statusCode(409).contentType("application/problem+json");
        Gateway.api(moderator).contentType("application/json").body(Map.of("decision", "APPROVE", "expectedEnforcements", 3))
                .when().post("/api/v1/cases/" + caseId + "/decide").then().statusCode(400).contentType("application/problem+json");
        JsonPath decided = Gateway.api(moderator).contentType("application/json")
                .body(Map.of("decision", "APPROVE", "note", "a bought-follows farm", "expectedEnforcements", 3))
                .when().post("/api/v1/cases/" + caseId + "/decide").then().statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", decided.getString("status"));
        assertEquals(0, decided.getInt("held"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(1, Gateway.account(small).getInt("followerCount"), "only the genuine follower is left"));
        for (int b = 0; b < BOTS; b++) {
            String bot = BoughtFollows.bot(p, b);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0, Gateway.account(bot).getInt("followingCount"), bot));
        }
        String member = heldIds.iterator().next();
        List<Map<String, Object>> audit = Gateway.api(moderator).when().get("/api/v1/enforcements/" + member + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> last = audit.getLast();
        assertEquals("HELD", last.get("from"));
        assertEquals("APPLIED", last.get("to"));
        assertEquals("a bought-follows farm", last.get("note"));
        assertTrue(String.valueOf(last.get("actor")).endsWith("mod-e2e"), "the moderator is named: " + last);
        Gateway.api(moderator).contentType("application/json").body(Map.of("decision", "REJECT", "note", "again", "expectedEnforcements", 0))
                .when().post("/api/v1/cases/" + caseId + "/decide").then().statusCode(409);
    }

    @Test
    @Order(2)
    void theEnforcementListPagesWithALinkHeader() {
        Response first = Gateway.api(moderator).queryParam("status", "APPLIED").queryParam("limit", 2).when().get("/api/v1/enforcements");
        first.then().statusCode(200);
        List<Map<String, Object>> page = first.jsonPath().getList("$");
        assertEquals(2, page.size());
        String link = first.header("Link");
        assertNotNull(link, "more than two are applied: a next page is linked");
        assertTrue(link.endsWith("; rel=\"next\""), link);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        List<Map<String, Object>> second = Gateway.api(moderator).when().get(next).then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(2, second.size());
        assertTrue(second.stream().noneMatch(page::contains), "the next page goes on where the first ended");
        Gateway.api(moderator).queryParam("after", "not-a-cursor").when().get("/api/v1/enforcements").then().statusCode(400);
        Gateway.api(moderator).queryParam("limit", 0).when().get("/api/v1/enforcements").then().statusCode(400);
    }

    @Test
    @Order(3)
    void aGrantedAppealRestoresExactlyWhatItsEnforcementRemovedAndTheStrike() {
        String bot = BoughtFollows.bot(p, 0);
        Map<String, Object> enforcement = Gateway.enforcementOf(bot);
        assertEquals("APPLIED", enforcement.get("status"));
        String enforcementId = (String) enforcement.get("id");
        String user = DevTokens.token("user", bot);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals("WARNED", Gateway.account(bot).getString("status")));
        int smallBefore = Gateway.account(small).getInt("followerCount");

        Gateway.api(moderator).contentType("application/json").body(Map.of("enforcementId", enforcementId, "message", "not me"))
                .when().post("/api/v1/accounts/" + bot + "/appeals").then().statusCode(403);
        Gateway.api(DevTokens.token("user", BoughtFollows.bot(p, 1))).contentType("application/json")
                .body(Map.of("enforcementId", enforcementId, "message", "not mine")).when()
                .post("/api/v1/accounts/" + BoughtFollows.bot(p, 1) + "/appeals").then().statusCode(404);
        Gateway.api(user).contentType("application/json").body(Map.of("enforcementId", enforcementId, "message", ""))
                .when().post("/api/v1/accounts/" + bot + "/appeals").then().statusCode(400);
        String appealId = Gateway.api(user).contentType("application/json")
                .body(Map.of("enforcementId", enforcementId, "message", "I never used that app; my nephew did."))
                .when().post("/api/v1/accounts/" + bot + "/appeals").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("enforcementId", equalTo(enforcementId)).extract().path("id");
        Gateway.api(user).contentType("application/json").body(Map.of("enforcementId", enforcementId, "message", "again"))
                .when().post("/api/v1/accounts/" + bot + "/appeals").then().statusCode(409);
        Gateway.api(user).when().get("/api/v1/accounts/" + bot + "/appeals").then().statusCode(200).body("[0].id", equalTo(appealId));
        Gateway.api(DevTokens.token("user", BoughtFollows.bot(p, 1))).when().get("/api/v1/accounts/" + bot + "/appeals").then().statusCode(403);
        List<String> queue = Gateway.api(moderator).queryParam("status", "OPEN").queryParam("limit", 1000).when().get("/api/v1/appeals")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(queue.contains(appealId), "the appeal waits in the queue");

        Gateway.api(moderator).contentType("application/json").body(Map.of("decision", "GRANT", "note", "family member, first strike"))
                .when().post("/api/v1/appeals/" + appealId + "/decide").then().statusCode(200).body("status", equalTo("GRANTED"));
        Gateway.api(moderator).contentType("application/json").body(Map.of("decision", "DENY", "note", "changed my mind"))
                .when().post("/api/v1/appeals/" + appealId + "/decide").then().statusCode(409);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(FOLLOWS, Gateway.account(bot).getInt("followingCount")));
        assertEquals(0, Gateway.account(bot).getInt("removed.follows"));
        assertEquals(smallBefore + 1, Gateway.account(small).getInt("followerCount"), "exactly the one follow it removed comes back");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath account = Gateway.account(bot);
            assertEquals(0, account.getInt("strikes"), "the strike is taken back");
            assertEquals("CLEAN", account.getString("status"));
        });
        assertEquals("REVERTED", Gateway.enforcementOf(bot).get("status"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath inbox = Gateway.api(user).when().get("/api/v1/accounts/" + bot + "/notifications").then().statusCode(200).extract().jsonPath();
            assertEquals("ENFORCEMENT_REVERSED", inbox.getString("[0].kind"));
        });
        Gateway.api(user).when().get("/api/v1/accounts/" + bot + "/appeals").then().statusCode(200)
                .body("[0].status", equalTo("GRANTED")).body("[0].note", equalTo(null));
    }

    @Test
    @Order(4)
    void aDeniedAppealTellsTheUserAndChangesNothing() {
        String bot = BoughtFollows.bot(p, 2);
        String enforcementId = (String) Gateway.enforcementOf(bot).get("id");
        String user = DevTokens.token("user", bot);
        String appealId = Gateway.api(user).contentType("application/json")
                .body(Map.of("enforcementId", enforcementId, "message", "Please look again."))
                .when().post("/api/v1/accounts/" + bot + "/appeals").then().statusCode(201).extract().path("id");
        Gateway.api(moderator).contentType("application/json").body(Map.of("decision", "DENY", "note", "bought follows, plainly"))
                .when().post("/api/v1/appeals/" + appealId + "/decide").then().statusCode(200).body("status", equalTo("DENIED"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath inbox = Gateway.api(user).header("Accept-Language", "de").when().get("/api/v1/accounts/" + bot + "/notifications")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("APPEAL_DENIED", inbox.getString("[0].kind"));
            assertEquals("de", inbox.getString("[0].locale"));
            assertTrue(!inbox.getString("[0].body").contains("plainly"), "the moderator's note stays internal");
        });
        assertEquals("APPLIED", Gateway.enforcementOf(bot).get("status"));
        assertEquals(0, Gateway.account(bot).getInt("followingCount"), "a denied appeal restores nothing");
        Gateway.api(user).when().get("/api/v1/accounts/" + bot + "/appeals").then().statusCode(200).body("[0].status", equalTo("DENIED"));
    }
}
