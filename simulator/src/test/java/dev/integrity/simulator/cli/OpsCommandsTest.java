package dev.integrity.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator commands' command line: help, bad options, and a Kafka that is not there. */
class OpsCommandsTest {

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimulatorCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void helpListsTheOptions() {
        Result lag = run("lag", "--help");
        assertEquals(0, lag.code(), lag.err());
        for (String option : List.of("--kafka", "--group", "--partitions", "--max-lag", "--timeout")) {
            assertTrue(lag.out().contains(option), option);
        }
        Result dlq = run("dlq", "-h");
        assertEquals(0, dlq.code(), dlq.err());
        for (String option : List.of("--kafka", "--topic", "--since", "--key", "--limit", "replay")) {
            assertTrue(dlq.out().contains(option), option);
        }
        Result replay = run("dlq", "replay", "--help");
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
            Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: Kafka is not reachable at " + kafka), r.err());
        }
    }

    @Test
    void badOptionsAreOneLineErrors() {
        Result since = run("dlq", "--since", "yesterday");
        assertEquals(2, since.code());
        assertTrue(since.err().startsWith("error: --since: 'yesterday' is not a time"), since.err());
        Result timeout = run("lag", "--timeout", "0");
        assertEquals(2, timeout.code());
        assertTrue(timeout.err().startsWith("error: --timeout must be between 1 and 600"), timeout.err());
        // Options before 'replay' would only filter a listing: the replay would take everything.
        Result misplaced = run("dlq", "--since", "1h", "replay");
        assertEquals(2, misplaced.code());
        assertTrue(misplaced.err().startsWith("error: options go after 'replay'"), misplaced.err());
    }
}
