package dev.integrity.contract.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrity.contract.EventJson;

/** Every problem kind has its own type URI, the same whichever service answers; other statuses are about:blank. */
class ProblemTest {

    @Test
    void eachDocumentedKindHasItsTypeUri() {
        Map<Integer, String> kinds = Map.ofEntries(
                Map.entry(400, "validation"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
                Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"), Map.entry(409, "conflict"),
                Map.entry(413, "payload-too-large"), Map.entry(415, "unsupported-media-type"), Map.entry(429, "rate-limited"),
                Map.entry(500, "internal"), Map.entry(502, "unavailable"), Map.entry(503, "unavailable"), Map.entry(504, "unavailable"));
        kinds.forEach((status, kind) -> assertEquals("https://integrity.dev/problems/" + kind, Problem.of(status, "T", "D").type(), "status " + status));
    }

    @Test
    void aStatusWithoutAKindIsAboutBlank() {
        assertEquals("about:blank", Problem.of(418, "I'm a teapot", "D").type());
        assertEquals("about:blank", Problem.of(406, "Not Acceptable", "D").type());
    }

    @Test
    void validationProblemsAreOfTheValidationKindAndCarryTheirErrors() throws Exception {
        Problem problem = Problem.validation("No valid event", List.of(new ProblemError(0, "e-1", "occurredAt", "is required")));
        JsonNode json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(problem));
        assertEquals("https://integrity.dev/problems/validation", json.get("type").asText());
        assertEquals(400, json.get("status").asInt());
        assertEquals("occurredAt", json.get("errors").get(0).get("field").asText());
    }
}
