package dev.integrity.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.model.cli.CliRunner;
import dev.integrity.model.cli.CliRunner.Captured;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator commands' command line: help, bad options, and a Kafka that is not there. */
class OpsCommandsTest {

    private static Captured run(String... args) {
        return CliRunner.capture(new BenchCli(), args);
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void helpListsTheOptions() {
        Captured lag = run("lag", "--help");
        assertEquals(0, lag.code(), lag.err());
        for (String option : List.of("--kafka", "--group", "--partitions", "--max-lag", "--timeout")) {
            assertTrue(lag.out().contains(option), option);
        }
        Captured dlq = run("dlq", "-h");
        assertEquals(0, dlq.code(), dlq.err());
        for (String option : List.of("--kafka", "--topic", "--since", "--key", "--limit", "replay")) {
            assertTrue(dlq.out().contains(option), option);
        }
        Captured replay = run("dlq", "replay", "--help");
        assertEquals(0, replay.code(), replay.err());
        for (String text : List.of("--topic", "--since", "--key", "--dry-run", "Safe to run twice", "eventId", "enforcementId")) {
            assertTrue(replay.out().contains(text), text);
        }
    }

    @Test
    void withKafkaDownEachCommandSaysSoInOneLineWithExitCode2() throws Exception {
        String kafka = "127.0.0.1:" + closedPort();
        for (String[] args : List.of(new String[] {"lag", "--kafka", kafka, "--timeout", "1"}, new String[] {"dlq", "--kafka", kafka, "--timeout", "1"},
                new String[] {"dlq", "replay", "--kafka", kafka, "--timeout", "1"})) {
            Captured r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: Kafka is not reachable at " + kafka), r.err());
        }
    }

    @Test
    void badOptionsAreOneLineErrors() {
        Captured since = run("dlq", "--since", "yesterday");
        assertEquals(2, since.code());
        assertTrue(since.err().startsWith("error: --since: 'yesterday' is not a time"), since.err());
        Captured timeout = run("lag", "--timeout", "0");
        assertEquals(2, timeout.code());
        assertTrue(timeout.err().startsWith("error: --timeout must be between 1 and 600"), timeout.err());
        // Options before 'replay' would only filter a listing: the replay would take everything.
        Captured misplaced = run("dlq", "--since", "1h", "replay");
        assertEquals(2, misplaced.code());
        assertTrue(misplaced.err().startsWith("error: options go after 'replay'"), misplaced.err());
    }
}
