package dev.integrity.bench.ops;

import dev.integrity.contract.DeadLetterHeaders;
import static dev.integrity.bench.ops.DeadLetterRecordTest.deadLetter;
import static dev.integrity.bench.ops.DeadLetterRecordTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterReplayTest {

    @Test
    void oneRecordGivenUpBySeveralGroupsIsReplayedOnce() {
        // The ledger, the feature store and notify each gave up account-events-3@1234; another record once.
        List<DeadLetterRecord> found = List.of(deadLetter(1, "account-events", 3, 1234, "acc-1", "x"), deadLetter(2, "account-events", 3, 1234, "acc-1", "x"),
                deadLetter(3, "account-events", 5, 77, "acc-2", "y"), deadLetter(4, "account-events", 3, 1234, "acc-1", "x"));
        DeadLetterReplay.Plan plan = DeadLetterReplay.plan(found);
        assertEquals(List.of(1L, 3L), plan.replay().stream().map(DeadLetterRecord::dlqOffset).toList());
        assertEquals(4, plan.deadLetters());
        assertEquals(2, plan.duplicates());
    }

    @Test
    void deadLettersThatDoNotSayWhereTheyCameFromOrCameFromADeadLetterTopicAreLeft() {
        DeadLetterRecord noOrigin = new DeadLetterRecord("enforcement.dlq", 0, 5, Instant.EPOCH, null, new byte[0],
                List.of(header(DeadLetterHeaders.REASON, "bad")));
        DeadLetterRecord fromDlq = deadLetter(6, "enforcement.dlq", 0, 3, "k", "v");
        DeadLetterReplay.Plan plan = DeadLetterReplay.plan(List.of(noOrigin, fromDlq, deadLetter(7, "enforcement.decided", 1, 9, "enf-1", "z")));
        assertEquals(1, plan.replay().size());
        assertEquals(1, plan.withoutOrigin());
        assertEquals(1, plan.toDeadLetterTopic());
    }

    @Test
    void theQueryPicksTopicKeyAndTime() {
        DeadLetterQuery dlqOnly = DeadLetterQuery.of("enforcement.dlq", null, null);
        assertEquals(List.of("enforcement.dlq"), dlqOnly.dlqTopics());
        assertTrue(dlqOnly.matches(deadLetter(1, "account-events", 0, 1, "a", "v")));

        DeadLetterQuery byOrigin = DeadLetterQuery.of("enforcement.decided", "enf-1", Instant.parse("2026-12-04T09:00:00Z"));
        assertEquals(DeadLetterQuery.DLQ_TOPICS, byOrigin.dlqTopics());
        assertTrue(byOrigin.matches(deadLetter(1, "enforcement.decided", 0, 1, "enf-1", "v")));
        assertFalse(byOrigin.matches(deadLetter(1, "enforcement.decided", 0, 1, "enf-2", "v")), "another key");
        assertFalse(byOrigin.matches(deadLetter(1, "enforcement.proposed", 0, 1, "enf-1", "v")), "another origin");
        DeadLetterQuery later = DeadLetterQuery.of(null, null, Instant.parse("2026-12-04T11:00:00Z"));
        assertFalse(later.matches(deadLetter(1, "account-events", 0, 1, "a", "v")), "written before --since");
        assertThrows(IllegalArgumentException.class, () -> new DeadLetterQuery(List.of(), null, null, null));
    }
}
