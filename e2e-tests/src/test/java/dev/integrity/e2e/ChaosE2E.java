package dev.integrity.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Faults under steady load, checked against a ground truth: while a generator sends follows through
 * the gateway (retrying a batch until it gets a 202, as an integrator would), every service is
 * killed with SIGKILL in turn and started again, a second scoring replica takes over from the first
 * and is itself killed while the first rejoins (in the middle of the group's rebalance), and Redis is
 * restarted (its data lost). Afterwards every account's counts must equal what was
 * sent (nothing lost, nothing doubled), the bot among the senders must have exactly one enforcement
 * and exactly one warning. Scale with -Dchaos.rounds (./suite chaos uses more). Figures go to
 * target/chaos/chaos.json.
 */
class ChaosE2E {

    private static final int ACCOUNTS = 40;
    private static final int TARGETS = 300;
    private final int rounds = Integer.getInteger("chaos.rounds", 400);
    private final String p = "ch" + UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Integer> followsSent = new ConcurrentHashMap<>();
    private final AtomicInteger eventsSent = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger fiveHundreds = new AtomicInteger();
    private final List<String> faults = new ArrayList<>();
    private final String moderator = DevTokens.token("moderator", "chaos-mod");

    @Test
    void killsRestartsAndTakeoversLoseNothingAndDoubleNothing() throws Exception {
        SuiteCommand.run("replica", "scoring", "start");
        faults.add("second scoring replica started");
        AtomicBoolean done = new AtomicBoolean();
        Thread load = Thread.ofPlatform().name("chaos-load").start(() -> sendLoad(done));
        try {
            pause(8);
            kill("ingest");
            SuiteCommand.run("up");
            pause(6);
            kill("scoring"); // the second replica takes its partitions over; the original stays down for a while
            pause(12);
            killReplicaWhileTheOriginalRejoins();
            pause(4);
            kill("notify");
            SuiteCommand.run("up");
            pause(6);
            kill("gateway");
            SuiteCommand.run("up");
            pause(4);
            SuiteCommand.run("restart", "redis");
            faults.add("restart redis (data lost)");
            SuiteCommand.run("up");
            load.join(TimeUnit.MINUTES.toMillis(8));
        } finally {
            done.set(true);
            load.join(TimeUnit.MINUTES.toMillis(1));
            SuiteCommand.run("replica", "scoring", "stop");
        }
        // Every account's follows are in the ledger exactly once (waiting for the consumers to catch up).
        Map<String, Integer> following = new ConcurrentHashMap<>();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                for (int a = 0; a < ACCOUNTS; a++) {
                    following.put(p + "-a" + a, followingCount(p + "-a" + a));
                }
                return following.equals(followsSent);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Reported below as lost or doubled.
        }
        int lost = 0;
        int doubled = 0;
        for (Map.Entry<String, Integer> sent : followsSent.entrySet()) {
            int got = following.getOrDefault(sent.getKey(), 0);
            lost += Math.max(0, sent.getValue() - got);
            doubled += Math.max(0, got - sent.getValue());
        }
        // The bot: one enforcement, one warning.
        String bot = p + "-bot";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> "APPLIED".equals(enforcementsOf(bot).isEmpty() ? null : enforcementsOf(bot).getFirst().get("status"))
                        || !enforcementsOf(bot).isEmpty() && "HELD".equals(enforcementsOf(bot).getFirst().get("status")));
        Map<String, Object> enforcement = enforcementsOf(bot).getFirst();
        if ("HELD".equals(enforcement.get("status"))) {
            given().baseUri(Suite.gateway()).auth().oauth2(moderator).when()
                    .post("/api/v1/enforcements/" + enforcement.get("id") + "/approve").then().statusCode(200);
        }
        String user = DevTokens.token("user", bot);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> warnings(user, bot) >= 1);
        pause(5);
        int enforcements = enforcementsOf(bot).size();
        int messages = warnings(user, bot);
        Files.createDirectories(Path.of("target/chaos"));
        Files.writeString(Path.of("target/chaos/chaos.json"), """
                {"faults": %d, "faultList": "%s", "eventsSent": %d, "retriedBatches": %d, "lost": %d, "duplicated": %d,
                 "botEnforcements": %d, "botWarnings": %d, "gateway5xxDuringFaults": %d}
                """.formatted(faults.size(), String.join("; ", faults), eventsSent.get(), retries.get(), lost, doubled,
                enforcements, messages, fiveHundreds.get()));
        assertEquals(0, lost, "accepted follows missing from the ledger");
        assertEquals(0, doubled, "follows counted twice");
        assertEquals(1, enforcements, "the bot has exactly one enforcement");
        assertEquals(1, messages, "the bot got exactly one warning");
        assertTrue(eventsSent.get() > 0);
    }

    private void sendLoad(AtomicBoolean done) {
        String ingest = DevTokens.token("ingest", "chaos-load");
        Instant start = Instant.now().minus(Duration.ofMinutes(30));
        // The bot buys 300 follows through an app first; each of its targets is followed by many others too.
        List<String> bot = new ArrayList<>();
        bot.add("""
                {"eventId":"%s-bp","type":"PROFILE_SNAPSHOT","accountId":"%s-bot","occurredAt":"%s","profile":{"username":"%sbot991827",
                 "fullName":"","biography":"","externalUrl":null,"hasProfilePicture":false,"isPrivate":false,"mediaCount":0,
                 "followerCount":3,"followingCount":2100}}""".formatted(p, p, start, p));
        for (int t = 0; t < TARGETS; t++) {
            bot.add(follow(p + "-be" + t, p + "-bot", p + "-t" + t, "followboost", start.plusSeconds(5L * t)));
        }
        sendUntilAccepted(ingest, bot, done);
        // Each account follows targets of its own (shared targets in the same minutes would be lockstep, rightly).
        for (int round = 0; round < rounds && !done.get(); round++) {
            List<String> batch = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                batch.add(follow(p + "-r" + round + "-a" + a, p + "-a" + a, p + "-a" + a + "-t" + round, "official-ios",
                        start.plusSeconds(1800 + round)));
            }
            sendUntilAccepted(ingest, batch, done);
            for (int a = 0; a < ACCOUNTS; a++) {
                followsSent.merge(p + "-a" + a, 1, Integer::sum);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sendUntilAccepted(String token, List<String> events, AtomicBoolean done) {
        String body = "[" + String.join(",", events) + "]";
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Suite.gateway() + "/api/v1/events"))
                        .timeout(Duration.ofSeconds(40)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    eventsSent.addAndGet(events.size());
                    return;
                }
                if (response.statusCode() >= 500) {
                    fiveHundreds.incrementAndGet();
                }
            } catch (Exception e) {
                // The gateway is down for a moment: try again.
            }
            retries.incrementAndGet();
            pause(1);
        }
    }

    private static String follow(String id, String actor, String target, String app, Instant at) {
        return """
                {"eventId":"%s","type":"FOLLOW","accountId":"%s","occurredAt":"%s","clientAppId":"%s","targetAccountId":"%s"}"""
                .formatted(id, actor, at, app, target);
    }

    private int followingCount(String account) {
        var response = given().baseUri(Suite.gateway()).auth().oauth2(moderator).when().get("/api/v1/accounts/" + account);
        return response.statusCode() == 200 ? response.jsonPath().getInt("followingCount") : 0;
    }

    private List<Map<String, Object>> enforcementsOf(String account) {
        return given().baseUri(Suite.gateway()).auth().oauth2(moderator).queryParam("accountId", account)
                .when().get("/api/v1/enforcements").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static int warnings(String user, String account) {
        JsonPath inbox = given().baseUri(Suite.gateway()).auth().oauth2(user).when().get("/api/v1/accounts/" + account + "/notifications")
                .then().statusCode(200).extract().jsonPath();
        return (int) inbox.getList("kind").stream().filter("INAUTHENTIC_ACTIVITY_WARNING"::equals).count();
    }

    private void kill(String component) throws Exception {
        long pid = Long.parseLong(Files.readString(Path.of("../.suite/pids/" + component)).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
        faults.add("kill -9 " + component);
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
    }

    /**
     * Starts the original scoring instance again and, while its consumers join the group and the group
     * rebalances, kills the replica with SIGKILL: the replica's partitions must reach the original
     * once its session times out, with nothing lost and nothing done twice.
     */
    private void killReplicaWhileTheOriginalRejoins() throws Exception {
        Thread restart = Thread.ofPlatform().name("chaos-restart-scoring").start(() -> SuiteCommand.run("up"));
        GroupState seen = null;
        try (Admin admin = Admin.create(Map.<String, Object> of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.kafka()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (seen == null && System.nanoTime() < deadline) {
                GroupState state = admin.describeConsumerGroups(List.of("scoring")).all().get(10, TimeUnit.SECONDS).get("scoring").groupState();
                if (state == GroupState.PREPARING_REBALANCE || state == GroupState.COMPLETING_REBALANCE) {
                    seen = state;
                } else {
                    Thread.sleep(50);
                }
            }
        }
        assertNotNull(seen, "scoring's consumer group never rebalanced while the original instance came back");
        kill("scoring-2");
        faults.set(faults.size() - 1, "kill -9 scoring-2 during a rebalance (group " + seen + ")");
        restart.join(TimeUnit.MINUTES.toMillis(5));
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
