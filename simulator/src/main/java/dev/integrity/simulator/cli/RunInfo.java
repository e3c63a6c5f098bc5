package dev.integrity.simulator.cli;

import dev.integrity.simulator.followup.FollowUpReport;
import dev.integrity.simulator.model.Archetype;
import dev.integrity.simulator.send.SendReport;
import java.time.Instant;
import java.util.Map;

/** What a run did, attached to its evaluation report. */
record RunInfo(long seed, int accounts, Map<Archetype, Integer> archetypes, double hours, Instant windowStart, Instant windowEnd,
        String truthFile, SendReport traffic, FollowUpReport followUp, SendReport followUpSend) {
}
