package dev.integrity.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrity.contract.InvalidCases;
import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every rule of the event contract, broken, sent over HTTP in one batch: each event is rejected
 * with the error the contract module's matrix expects, at its index. (The future-skew case
 * depends on a fixed clock and is covered by the contract module's own tests.)
 */
@QuarkusTest
class ValidationMatrixIT {

    @Test
    void everyBrokenRuleIsReportedWithItsFieldAndMessage() {
        List<InvalidCases.Case> cases = InvalidCases.all().stream()
                .filter(c -> !c.message().contains("future"))
                .toList();
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < cases.size(); i++) {
            ObjectNode event = cases.get(i).event().deepCopy();
            if (event.has("eventId") && event.get("eventId").isTextual() && !cases.get(i).field().equals("eventId")) {
                event.put("eventId", "matrix-" + i);
            }
            body.add(event);
        }

        JsonPath problem = given().auth().oauth2(Tokens.ingest()).contentType("application/json").body(body.toString())
                .when().post("/events")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();

        List<Map<String, Object>> errors = problem.getList("errors");
        Map<Integer, List<String>> byIndex = errors.stream().collect(Collectors.groupingBy(
                e -> (Integer) e.get("index"), Collectors.mapping(e -> e.get("field") + ": " + e.get("message"), Collectors.toList())));
        for (int i = 0; i < cases.size(); i++) {
            InvalidCases.Case c = cases.get(i);
            String expected = c.field() + ": " + c.message();
            List<String> got = byIndex.getOrDefault(i, List.of());
            assertTrue(got.stream().anyMatch(g -> g.startsWith(expected)),
                    "case '" + c.name() + "' (index " + i + ") expected " + expected + " but got " + got);
        }
    }

    @Test
    void ndjsonReportsEachBadLineAloneAndAcceptsTheRest() {
        String ndjson = """
                {"eventId":"nd-ok-%1$s","type":"LOGIN","accountId":"acc-1","occurredAt":"2026-01-01T00:00:00Z"}
                {"eventId": broken
                {"eventId":"nd-bad-%1$s","type":"FOLLOW","accountId":"acc-1","occurredAt":"2026-01-01T00:00:00Z"}
                """.formatted(System.nanoTime());
        JsonPath answer = given().auth().oauth2(Tokens.ingest()).contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/events")
                .then().statusCode(202).extract().jsonPath();
        assertTrue(answer.getInt("accepted") == 1, answer.prettify());
        assertTrue(answer.getString("rejected[0].errors[0].message").startsWith("line 2: malformed JSON"), answer.prettify());
        assertTrue(answer.getString("rejected[1].errors[0].field").equals("targetAccountId"), answer.prettify());
    }

    @Test
    void tooManyEventsIs413() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            body.append(i == 0 ? "" : ",").append("{}");
        }
        given().auth().oauth2(Tokens.ingest()).contentType("application/json").body(body.append("]").toString())
                .when().post("/events")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void bodyOverTheLimitIs413ProblemBeforeParsing() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        given().auth().oauth2(Tokens.ingest()).contentType("application/json").body(big)
                .when().post("/events")
                .then().statusCode(413).contentType("application/problem+json");
    }
}
