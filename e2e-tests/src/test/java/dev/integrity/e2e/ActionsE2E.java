package dev.integrity.e2e;

import static dev.integrity.e2e.Gateway.account;
import static dev.integrity.e2e.Gateway.api;
import static dev.integrity.e2e.Gateway.enforcementOf;
import static dev.integrity.e2e.Gateway.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * What the host platform sees of the suite's decisions, through the running suite: the actions on
 * {@code enforcement.actions} read by kcat (a Kafka client no one here wrote) and checked against
 * the published schema; a bot's engagement arriving in interleaved, out-of-order requests, part of
 * it after the enforcement applied, ends fully removed and fully published; and a kill -9 of
 * ingest (the service that publishes) in the middle of an apply leaves exactly one set of actions.
 */
class ActionsE2E {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "enforcement.actions";

    private final String p = "ac" + UUID.randomUUID().toString().substring(0, 6);
    private final String moderator = Gateway.MODERATOR;
    private final String platform = DevTokens.token("platform", "platform-e2e");

    @Test
    void aReferenceConsumerReadsEachActionOnceWithCloudEventsHeadersAndEveryPayloadMatchesTheSchema() throws Exception {
        String bot = p + "-ref";
        send(botEvents(bot, "followboost", 80, 0, 80));
        String enforcement = awaitApplied(bot, 80);

        JsonSchema schema = schema();
        Map<String, Integer> seen = new HashMap<>();
        // The relay publishes within a moment of the apply: read again until they are all there.
        long deadline = System.currentTimeMillis() + 60_000;
        while (seen.size() < 80 && System.currentTimeMillis() < deadline) {
            seen.clear();
            readActions(enforcement, bot, schema, seen);
        }
        assertEquals(80, seen.size(), "one HIDE_FOLLOW per removed follow");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "each once: " + seen);

        // The same actions on the HTTP feed, for platforms without Kafka; other roles may not read it.
        api(moderator).when().get("/api/v1/actions").then().statusCode(403).contentType("application/problem+json");
        api(platform).queryParam("after", "%%%").when().get("/api/v1/actions").then().statusCode(400);
        api(platform).queryParam("limit", 0).when().get("/api/v1/actions").then().statusCode(400);
    }

    /** Reads the whole topic with kcat; checks and counts the enforcement's actions. */
    private static void readActions(String enforcement, String bot, JsonSchema schema, Map<String, Integer> seen) throws Exception {
        for (JsonNode message : kcat()) {
            JsonNode payload = JSON.readTree(message.get("payload").asText());
            if (!enforcement.equals(payload.path("enforcementId").asText())) {
                continue;
            }
            assertEquals(Set.of(), schema.validate(payload), "the payload matches enforcement-action-v1.schema.json: " + payload);
            Map<String, String> headers = headers(message.get("headers"));
            assertEquals(payload.get("actionId").asText(), headers.get("ce_id"));
            assertEquals("dev.integrity.action." + payload.get("type").asText(), headers.get("ce_type"));
            assertEquals("/ingest-service", headers.get("ce_source"));
            assertEquals("1.0", headers.get("ce_specversion"));
            assertEquals(bot, message.get("key").asText(), "keyed by the account");
            assertEquals("HIDE_FOLLOW", payload.get("type").asText());
            seen.merge(payload.get("actionId").asText(), 1, Integer::sum);
        }
    }

    @Test
    void aBotsEngagementSentInInterleavedOutOfOrderRequestsEndsFullyRemovedHoweverLateEachPartArrives() {
        String bot = p + "-late";
        String cursor = feedEnd();
        List<String> events = botEvents(bot, "growthapp", 120, 0, 120);
        String profile = events.removeFirst();
        // Ten requests, as from ten platform shards: each spans the whole time range, in its own order.
        List<List<String>> requests = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            requests.add(new ArrayList<>());
        }
        for (int i = 0; i < events.size(); i++) {
            requests.get(i % 10).add(events.get(i));
        }
        Random random = new Random(42);
        requests.forEach(r -> Collections.shuffle(r, random));
        send(List.of(profile));
        for (int r = 0; r < 6; r++) {
            send(requests.get(r));
        }
        String enforcement = awaitApplied(bot, 1);
        for (int r = 6; r < 10; r++) {
            send(requests.get(r)); // after the application: late, but before the decision in event time
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath account = account(bot);
            assertEquals(120, account.getInt("removed.follows"), "every follow removed, the late ones too");
            assertEquals(0, account.getInt("followingCount"));
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertEquals(120, ((Number) enforcement(bot).get("removed.follows")).intValue(), "counted in the enforcement's removals");
            List<Map<String, Object>> ours = actionsSince(cursor).stream().filter(a -> enforcement.equals(a.get("enforcementId"))).toList();
            assertEquals(120, ours.size(), "one HIDE_FOLLOW per follow, late ones included");
            assertTrue(ours.stream().allMatch(a -> "HIDE_FOLLOW".equals(a.get("type"))));
        });
    }

    @Test
    void killingIngestInTheMiddleOfAnApplyLeavesExactlyOneSetOfActions() throws Exception {
        String bot = p + "-kill";
        int follows = 900;
        send(botEvents(bot, "followboost", follows, 0, follows));
        // Kill the publisher as soon as scoring has decided: the apply is then in flight at ingest.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Map<String, Object> e = enforcementOf(bot);
            return e != null && "APPLIED".equals(e.get("status"));
        });
        long pid = Long.parseLong(Files.readString(Path.of("../.suite/pids/ingest")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        SuiteCommand.run("up");

        String enforcement = (String) enforcement(bot).get("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(follows, account(bot).getInt("removed.follows")));
        Map<String, Integer> onTopic = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            onTopic.clear();
            onTopic.putAll(topicCounts(enforcement));
            assertEquals(follows, onTopic.size(), "every action on the topic");
        });
        assertTrue(onTopic.values().stream().allMatch(n -> n == 1), "none twice on the topic, read committed");
    }

    // The suite through its public API

    private Map<String, Object> enforcement(String account) {
        Map<String, Object> e = enforcementOf(account);
        if (e == null) {
            throw new AssertionError("no enforcement of " + account);
        }
        Map<String, Object> flat = new HashMap<>(e);
        @SuppressWarnings("unchecked")
        Map<String, Object> removed = (Map<String, Object>) e.get("removed");
        flat.put("removed.follows", removed.get("follows"));
        return flat;
    }

    /** Waits until the account's enforcement is applied and the ledger removed at least the given follows; answers its id. */
    private String awaitApplied(String account, int removedAtLeast) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Object> e = enforcement(account);
            assertEquals("APPLIED", e.get("status"));
            assertTrue(((Number) e.get("removed.follows")).intValue() >= removedAtLeast, "removed: " + e);
        });
        return (String) enforcement(account).get("id");
    }

    /**
     * A bot's profile snapshot and its follows through an app, one a minute ending now; each target
     * a popular account (a platform follower count of 5,000), so that removing them is no purge.
     */
    private List<String> botEvents(String bot, String app, int follows, int from, int to) {
        Instant start = Instant.now().minus(Duration.ofMinutes(follows + 5));
        List<String> events = new ArrayList<>();
        events.add("""
                {"eventId":"%s-p","type":"PROFILE_SNAPSHOT","accountId":"%s","occurredAt":"%s","profile":{"username":"%s8391027",
                 "fullName":"","biography":"","externalUrl":null,"hasProfilePicture":false,"isPrivate":false,"mediaCount":0,
                 "followerCount":2,"followingCount":1900}}""".formatted(bot, bot, start.minusSeconds(60), bot));
        List<String> targets = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String target = bot + "-t" + i;
            targets.add("""
                    {"eventId":"%s-pp","type":"PROFILE_SNAPSHOT","accountId":"%s","occurredAt":"%s","profile":{"username":"popular%d",
                     "fullName":"Popular","biography":"","externalUrl":null,"hasProfilePicture":true,"isPrivate":false,"mediaCount":300,
                     "followerCount":5000,"followingCount":200}}""".formatted(target, target, start.minusSeconds(120), i));
            events.add("""
                    {"eventId":"%s-e%d","type":"FOLLOW","accountId":"%s","occurredAt":"%s","clientAppId":"%s","targetAccountId":"%s"}"""
                    .formatted(bot, i, bot, start.plusSeconds(60L * i), app, target));
        }
        send(targets);
        return events;
    }

    /** The feed's cursor at its end now. */
    private String feedEnd() {
        String cursor = null;
        while (true) {
            JsonPath page = feed(cursor);
            if (page.getList("items").isEmpty()) {
                return page.getString("next");
            }
            cursor = page.getString("next");
        }
    }

    private List<Map<String, Object>> actionsSince(String cursor) {
        List<Map<String, Object>> all = new ArrayList<>();
        String at = cursor;
        while (true) {
            JsonPath page = feed(at);
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return all;
            }
            all.addAll(items);
            at = page.getString("next");
        }
    }

    /** One page of the feed, read as a platform should: over the rate limit, it waits as Retry-After says and asks again. */
    private JsonPath feed(String after) {
        while (true) {
            RequestSpecification request = api(platform).queryParam("limit", 1000);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            io.restassured.response.Response answer = request.when().get("/api/v1/actions");
            if (answer.statusCode() != 429) {
                return answer.then().statusCode(200).extract().jsonPath();
            }
            String retryAfter = answer.header("Retry-After");
            try {
                Thread.sleep(1000L * Math.max(1, retryAfter == null ? 1 : Long.parseLong(retryAfter.trim())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting out the rate limit", e);
            }
        }
    }

    // Kafka

    /** Every committed message on the actions topic, as kcat's JSON envelope (key, payload, headers). */
    private static List<JsonNode> kcat() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kcat", "-C", "-b", Suite.kafka(), "-t", TOPIC, "-o", "beginning", "-e", "-q", "-J",
                "-X", "isolation.level=read_committed").redirectErrorStream(false).start();
        List<JsonNode> messages = new ArrayList<>();
        try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    messages.add(JSON.readTree(line));
                }
            }
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "kcat finished");
        assertEquals(0, process.exitValue(), "kcat: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return messages;
    }

    /** kcat -J gives headers as a flat array: name, value, name, value, ... */
    private static Map<String, String> headers(JsonNode flat) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; flat != null && i + 1 < flat.size(); i += 2) {
            headers.put(flat.get(i).asText(), flat.get(i + 1).asText());
        }
        return headers;
    }

    /** How often each of the enforcement's actions is on the topic, read committed from the beginning. */
    private static Map<String, Integer> topicCounts(String enforcementId) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.kafka(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream().map(PartitionInfo::partition)
                    .map(n -> new TopicPartition(TOPIC, n)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode payload = JSON.readTree(r.value());
                    if (enforcementId.equals(payload.path("enforcementId").asText())) {
                        counts.merge(payload.get("actionId").asText(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = ActionsE2E.class.getResourceAsStream("/schema/enforcement-action-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }
}
