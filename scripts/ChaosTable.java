import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Prints the figures of the last fault run (./suite chaos) as a table. */
public class ChaosTable {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode chaos = json.readTree(Files.readString(Path.of(args[0])));
        JsonNode hostile = json.readTree(Files.readString(Path.of(args[1])));
        String row = "| %-32s | %12s |%n";
        System.out.printf(row, "figure", "value");
        System.out.printf(row, "-".repeat(32), "-".repeat(12));
        System.out.printf(row, "faults injected", chaos.path("faults").asText());
        System.out.printf(row, "events sent (202)", chaos.path("eventsSent").asText());
        System.out.printf(row, "batches retried during faults", chaos.path("retriedBatches").asText());
        System.out.printf(row, "events lost", chaos.path("lost").asText());
        System.out.printf(row, "events counted twice", chaos.path("duplicated").asText());
        System.out.printf(row, "bot enforcements (expect 1)", chaos.path("botEnforcements").asText());
        System.out.printf(row, "bot warnings (expect 1)", chaos.path("botWarnings").asText());
        System.out.printf(row, "malformed requests tried", hostile.path("requests").asText());
        System.out.printf(row, "5xx or non-problem answers", hostile.path("violations").asText());
        System.out.printf("faults: %s%n", chaos.path("faultList").asText());
    }
}
