package dev.integrity.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.model.cli.CliRunner;
import dev.integrity.model.cli.CliRunner.Captured;
import dev.integrity.simulator.api.Role;
import dev.integrity.simulator.api.SuiteTokenSource;
import dev.integrity.simulator.api.TokenSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path dir;

    private static Captured run(String... args) {
        return CliRunner.capture(new BenchCli(), args);
    }

    @Test
    void helpListsTheOptions() {
        Captured r = run("bench", "--help");
        assertEquals(0, r.code(), r.err());
        for (String option : List.of("--gateway", "--kafka", "--duration", "--fixed-rate", "--fixed-seconds", "--accounts", "--seed", "--suite-dir",
                "--out", "--scoring-metrics", "--baseline-seconds", "--batch", "--concurrency", "--fixed-batch", "--tokens", "--token",
                "--catch-up-timeout", "--evaluation")) {
            assertTrue(r.out().contains(option), option);
        }
        assertTrue(r.out().contains("default: 5000"), r.out());
    }

    @Test
    void badOptionsAreOneLineErrors() {
        for (String[] args : List.of(new String[] {"bench", "--duration", "0"}, new String[] {"bench", "--fixed-rate", "-1"},
                new String[] {"bench", "--batch", "20000"}, new String[] {"bench", "--gateway", "ftp://x"},
                new String[] {"bench", "--scoring-metrics", "nonsense"})) {
            Captured r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
    }

    @Test
    void withoutTheSuiteItSaysWhereTokensWouldComeFrom() {
        Captured r = run("bench", "--suite-dir", dir.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("cannot get a ingest token") || r.err().contains("there is no"), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing measured, nothing written");
    }

    @Test
    void ingestTokensGetTheirOwnSubjects() throws Exception {
        Path calls = dir.resolve("calls");
        Path suite = dir.resolve("suite");
        Files.writeString(suite, "#!/bin/sh\necho \"$@\" >> " + calls + "\nexit 1\n");
        Files.setPosixFilePermissions(suite, PosixFilePermissions.fromString("rwx------"));
        Captured r = run("bench", "--suite-dir", dir.toString(), "--tokens", "3", "--out", dir.resolve("out").toString());
        assertEquals(2, r.code());
        assertEquals(List.of("token ingest bench-1"), Files.readAllLines(calls), "the first failure stops it");

        Files.writeString(suite, "#!/bin/sh\necho \"$@\" >> " + calls + "\necho \"h.$2-$3.s\"\n");
        TokenSource tokens = new SuiteTokenSource(suite).cached();
        assertEquals("h.ingest-bench-2.s", tokens.token(Role.INGEST, "bench-2"));
        assertEquals("h.ingest-.s", tokens.token(Role.INGEST, null));
        assertEquals("h.ingest-bench-2.s", tokens.token(Role.INGEST, "bench-2"));
        assertEquals(List.of("token ingest bench-1", "token ingest bench-2", "token ingest"), Files.readAllLines(calls));
    }
}
