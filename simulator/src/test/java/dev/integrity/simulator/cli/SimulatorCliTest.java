package dev.integrity.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.EventValidator;
import dev.integrity.model.cli.CliRunner;
import dev.integrity.model.cli.CliRunner.Captured;
import dev.integrity.simulator.model.TruthFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorCliTest {

    @TempDir
    Path dir;

    private static Captured run(String... args) {
        return CliRunner.capture(new SimulatorCli(), args);
    }

    @Test
    void aDryRunWritesTheTruthAndValidEventsAsNdjson() throws Exception {
        Path events = dir.resolve("events.ndjson");
        Path truth = dir.resolve("truth.csv");
        Captured r = run("run", "--dry-run", "--accounts", "120", "--hours", "1", "--seed", "5", "--out", events.toString(), "--truth",
                truth.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("seed 5"), r.out());
        assertEquals(120, TruthFile.read(truth).size());
        List<String> lines = Files.readAllLines(events);
        assertTrue(lines.size() > 120);
        EventValidator validator = new EventValidator(Clock.systemUTC());
        for (String line : lines) {
            assertTrue(validator.validate(EventJson.mapper().readTree(line)).isValid(), line);
        }
        assertTrue(lines.getFirst().contains("\"eventId\":\"sim-5-1\""));
    }

    @Test
    void errorsAreOneLineWithExitCode2() {
        Captured badOption = run("run", "--batch", "20000", "--dry-run", "--out", dir.resolve("e").toString(), "--truth",
                dir.resolve("t").toString());
        assertEquals(2, badOption.code());
        assertEquals(1, badOption.err().strip().lines().count(), badOption.err());
        assertTrue(badOption.err().startsWith("error: --batch must be between 1 and 10000"), badOption.err());

        Captured missingTruth = run("evaluate-run", "--truth", dir.resolve("none.csv").toString());
        assertEquals(2, missingTruth.code());
        assertEquals("error: no such file: " + dir.resolve("none.csv"), missingTruth.err().strip());

        Captured unknown = run("run", "--frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: Unknown option"), unknown.err());

        Captured noCommand = run();
        assertEquals(2, noCommand.code());
    }

    @Test
    void withoutTokensOrSuiteTheRunSaysWhatIsMissing() {
        Captured r = run("run", "--accounts", "50", "--hours", "0.1", "--seed", "1", "--suite", dir.resolve("no-suite").toString(), "--token", "",
                "--truth", dir.resolve("t.csv").toString(), "--gateway", "http://127.0.0.1:9");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("cannot get a ingest token") || r.err().contains("cannot get an ingest token"), r.err());
    }

    @Test
    void helpListsTheOptions() {
        Captured r = run("run", "--help");
        assertEquals(0, r.code());
        for (String option : List.of("--accounts", "--hours", "--seed", "--rate", "--batch", "--concurrency", "--token", "--truth",
                "--follow-up-seconds", "--no-evaluate", "--dry-run", "--gateway", "--moderator-token", "--suite", "--settle-seconds",
                "--report")) {
            assertTrue(r.out().contains(option), option);
        }
    }
}
