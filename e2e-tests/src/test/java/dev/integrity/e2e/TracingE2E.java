package dev.integrity.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrity.contract.EventJson;

/**
 * One event's trace: sent through the gateway in a trace of the test's own (a W3C traceparent), it is
 * followed by the gateway, by ingest (its HTTP answer and the records it writes to account-events) and
 * by scoring (the feature store's snapshot carries the context to the decider, which decides in it).
 * The services write their finished spans as JSON lines to INTEGRITY_TRACING_FILE, which ./suite test
 * sets for the services it starts (scripts/services.sh, export_test_env).
 */
class TracingE2E {

    private static final String FILE = "INTEGRITY_TRACING_FILE";

    @Test
    void oneEventIsOneTraceFromTheGatewayThroughIngestToScoringsDecision() {
        String file = System.getenv(FILE);
        assertNotNull(file, FILE + " is not set: start the services with it (./suite test does) so that they write their spans there");
        Path spans = Path.of(file);

        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        String traceId = HexFormat.of().formatHex(id);
        String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
        String account = "e2e-trace-" + UUID.randomUUID().toString().substring(0, 8);
        String event = """
                {"eventId":"%s","type":"FOLLOW","accountId":"%s","occurredAt":"%s","clientAppId":"official-ios","targetAccountId":"e2e-owner"}"""
                .formatted("e2e-trace-" + UUID.randomUUID(), account, Instant.now().minusSeconds(5));

        Gateway.api(DevTokens.token("ingest", "e2e-integrator")).header("traceparent", traceparent)
                .contentType("application/json").body(event)
                .when().post("/api/v1/events")
                .then().statusCode(202).body("accepted", equalTo(1));

        Set<String> services = new TreeSet<>();
        List<JsonNode> trace = new ArrayList<>();
        Awaitility.await("spans of trace " + traceId + " from gateway, ingest-service and scoring-service in " + spans)
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    trace.clear();
                    trace.addAll(spansOf(spans, traceId));
                    services.clear();
                    trace.forEach(s -> services.add(s.path("service").asText()));
                    return services.containsAll(Set.of("gateway", "ingest-service", "scoring-service"))
                            && trace.stream().anyMatch(s -> s.path("name").asText().equals("scoring decide"));
                });

        assertTrue(trace.stream().anyMatch(s -> s.path("service").asText().equals("gateway") && s.path("kind").asText().equals("SERVER")),
                "the gateway's answer to the request is in the trace");
        assertTrue(trace.stream().anyMatch(s -> s.path("service").asText().equals("ingest-service") && s.path("kind").asText().equals("SERVER")),
                "ingest's answer to the gateway is in the trace");
        assertTrue(trace.stream().anyMatch(s -> s.path("service").asText().equals("ingest-service") && s.path("kind").asText().equals("PRODUCER")),
                "ingest's write to account-events is in the trace");
        JsonNode decision = trace.stream().filter(s -> s.path("name").asText().equals("scoring decide")).findFirst().orElseThrow();
        assertEquals("scoring-service", decision.path("service").asText());
        assertEquals(account, decision.path("attributes").path("integrity.account_id").asText(), "the decision is the event's account's");
        assertTrue(trace.stream().allMatch(s -> s.path("traceId").asText().equals(traceId)));
    }

    /** The spans of one trace in the file (lines being written are skipped until they are whole). */
    private static List<JsonNode> spansOf(Path file, String traceId) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        if (!Files.exists(file)) {
            return found;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.contains(traceId)) {
                continue;
            }
            try {
                JsonNode span = EventJson.mapper().readTree(line);
                if (traceId.equals(span.path("traceId").asText())) {
                    found.add(span);
                }
            } catch (IOException partial) {
                // a line still being appended
            }
        }
        return found;
    }
}
