package dev.integrity.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthFileTest {

    @TempDir
    Path dir;

    @Test
    void csvAndJsonLinesRoundTrip() throws IOException {
        List<TruthRecord> truth = Population.generate(1, 300, Instant.parse("2026-11-22T12:00:00Z")).truth();
        for (String name : List.of("truth.csv", "truth.jsonl")) {
            Path file = dir.resolve("sub").resolve(name);
            TruthFile.write(file, truth);
            assertEquals(truth, TruthFile.read(file));
        }
        assertTrue(Files.readAllLines(dir.resolve("sub/truth.csv")).getFirst().equals(TruthFile.HEADER));
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() throws IOException {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "a,b\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> TruthFile.read(file));
        assertTrue(e.getMessage().contains("not a truth file"), e.getMessage());
    }
}
