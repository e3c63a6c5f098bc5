package dev.integrity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrity.contract.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Detection per archetype from a simulation's {@code evaluation.json} ({@code ./suite simulate}), for the report. */
final class DetectionReader {

    private DetectionReader() {
    }

    static BenchReport.Detection read(Path file) {
        String name = file == null ? null : file.toString();
        if (file == null || !Files.isRegularFile(file)) {
            return new BenchReport.Detection(name, false, null, null, null, null, List.of(), "no evaluation found");
        }
        try {
            JsonNode root = EventJson.mapper().readTree(file.toFile());
            List<BenchReport.ArchetypeDetection> rows = new ArrayList<>();
            for (JsonNode a : root.path("archetypes")) {
                int accounts = a.path("accounts").asInt();
                int flagged = a.path("flagged").asInt();
                int enforced = a.path("enforced").asInt();
                rows.add(new BenchReport.ArchetypeDetection(a.path("archetype").asText("?"), a.path("label").asInt(), accounts, flagged,
                        accounts > 0 ? (double) flagged / accounts : null, enforced, accounts > 0 ? (double) enforced / accounts : null));
            }
            String note = rows.isEmpty() ? "the evaluation has no archetypes" : null;
            return new BenchReport.Detection(name, true, number(root.path("flagged").path("precision")),
                    number(root.path("flagged").path("recall")), number(root.path("enforced").path("precision")),
                    number(root.path("enforced").path("recall")), rows, note);
        } catch (IOException | RuntimeException e) {
            return new BenchReport.Detection(name, false, null, null, null, null, List.of(),
                    "no evaluation found (" + file + " is not readable: " + e.getMessage() + ")");
        }
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }
}
