package dev.integrity.bench.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupLagTest {

    @Test
    void lagPerPartitionAndTopicCountingUncommittedPartitionsFromTheLogStart() {
        GroupLag.TopicLag t = GroupLag.TopicLag.of("account-events", Map.of(0, 0L, 1, 5L, 2, 0L), Map.of(0, 100L, 1, 50L, 2, 10L),
                Map.of(0, 100L, 1, 20L));
        assertEquals(List.of(0L, 30L, 10L), t.partitions().stream().map(GroupLag.PartitionLag::lag).toList());
        assertEquals(40, t.lag());
        assertEquals(2, t.behind());
        GroupLag g = new GroupLag("ingest-ledger", "Stable", 1, List.of(t));
        assertEquals(40, g.lag());
    }

    @Test
    void theTableHasALinePerGroupAndTopicAndOptionallyPerPartition() {
        GroupLag.TopicLag t = GroupLag.TopicLag.of("account-events", Map.of(0, 0L, 1, 0L), Map.of(0, 1200L, 1, 7L), Map.of(0, 200L, 1, 7L));
        List<GroupLag> groups = List.of(new GroupLag("ingest-ledger", "Stable", 1, List.of(t)), new GroupLag("idle", "Empty", 0, List.of()));
        StringWriter brief = new StringWriter();
        LagTable.print(groups, false, new PrintWriter(brief));
        assertTrue(brief.toString().lines().anyMatch(l -> l.matches("ingest-ledger\\s+Stable\\s+1\\s+account-events\\s+1,000\\s+1 of 2")), brief.toString());
        assertTrue(brief.toString().contains("(no committed offsets)"), brief.toString());
        assertTrue(brief.toString().contains("total lag 1,000 over 2 groups"), brief.toString());
        StringWriter full = new StringWriter();
        LagTable.print(groups, true, new PrintWriter(full));
        assertTrue(full.toString().lines().anyMatch(l -> l.matches("\\s+partition\\s+0\\s+committed\\s+200\\s+end\\s+1,200\\s+lag\\s+1,000")), full.toString());
        StringWriter none = new StringWriter();
        LagTable.print(List.of(), false, new PrintWriter(none));
        assertTrue(none.toString().startsWith("no consumer groups yet"));
    }
}
