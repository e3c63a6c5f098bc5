package dev.integrity.simulator.send;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrity.contract.EventJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the gateway's answers to {@code POST /events}: the 202 summary and the 400/4xx problem documents. */
final class IngestAnswers {

    /** A 202: counts and the rejected events' errors by index in the batch. */
    record Accepted(long accepted, long duplicates, Map<Integer, List<String>> rejected) {
    }

    private IngestAnswers() {
    }

    static Accepted accepted(String body) throws IOException {
        JsonNode root = EventJson.mapper().readTree(body);
        if (root == null || !root.isObject()) {
            throw new IOException("the 202 answer is not a JSON object: " + abbreviate(body));
        }
        Map<Integer, List<String>> rejected = new LinkedHashMap<>();
        for (JsonNode r : root.path("rejected")) {
            List<String> errors = new ArrayList<>();
            JsonNode list = r.path("errors");
            if (list.isArray()) {
                list.forEach(e -> errors.add(error(e)));
            }
            if (errors.isEmpty()) {
                errors.add("rejected without a reason");
            }
            rejected.put(r.path("index").asInt(-1), errors);
        }
        return new Accepted(root.path("accepted").asLong(), root.path("duplicates").asLong(), rejected);
    }

    /** The errors of a 400 "no valid event" problem, by index; empty if it has none. */
    static Map<Integer, List<String>> problemErrors(String body) {
        Map<Integer, List<String>> byIndex = new LinkedHashMap<>();
        try {
            JsonNode root = EventJson.mapper().readTree(body);
            for (JsonNode e : root.path("errors")) {
                byIndex.computeIfAbsent(e.path("index").asInt(-1), i -> new ArrayList<>()).add(error(e));
            }
        } catch (IOException | RuntimeException e) {
            // not a problem document: no per-event errors
        }
        return byIndex;
    }

    /** The problem's title and detail, or the start of the body. */
    static String detail(String body) {
        try {
            JsonNode root = EventJson.mapper().readTree(body);
            String title = root.path("title").asText("");
            String detail = root.path("detail").asText("");
            String text = (title + (detail.isEmpty() ? "" : ": " + detail)).strip();
            return text.isEmpty() ? abbreviate(body) : text;
        } catch (IOException | RuntimeException e) {
            return abbreviate(body);
        }
    }

    private static String error(JsonNode e) {
        if (e.isTextual()) {
            return e.asText();
        }
        String field = e.path("field").asText("");
        String message = e.path("message").asText(e.toString());
        return field.isEmpty() ? message : field + ": " + message;
    }

    static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
