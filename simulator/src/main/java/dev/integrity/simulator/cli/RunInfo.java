package dev.integrity.simulator.cli;

import dev.integrity.simulator.followup.FollowUpReport;
import dev.integrity.simulator.model.Archetype;
import dev.integrity.simulator.model.Crowd;
import dev.integrity.simulator.model.Population;
import dev.integrity.simulator.send.SendReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run did, attached to its evaluation report.
 *
 * @param eventsByArchetype the main traffic's events by archetype of the acting account
 * @param crowds            the genuine crowds the lookalikes formed, with their moments
 */
record RunInfo(long seed, int accounts, Map<Archetype, Integer> archetypes, double hours, Instant windowStart, Instant windowEnd,
        String truthFile, Map<Archetype, Long> eventsByArchetype, List<CrowdInfo> crowds, SendReport traffic, FollowUpReport followUp,
        SendReport followUpSend) {

    /**
     * One crowd: whom its members turned to (account ids; the first is the famous account, the
     * band's lead or the giveaway's host) and when its moment was.
     */
    record CrowdInfo(String id, Crowd.Kind kind, List<String> targets, int members, Instant moment) {

        static List<CrowdInfo> of(Population population, Map<String, Instant> moments) {
            return population.crowds().stream().map(c -> new CrowdInfo(c.id(), c.kind(),
                    c.targets().stream().map(t -> population.account(t).id()).toList(), c.members().size(), moments.get(c.id()))).toList();
        }
    }
}
