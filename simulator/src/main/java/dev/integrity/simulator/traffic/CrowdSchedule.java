package dev.integrity.simulator.traffic;

import dev.integrity.simulator.model.Crowd;
import dev.integrity.simulator.model.Population;
import dev.integrity.simulator.model.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each crowd's moment is in the window, and when each member reacts to it. The flash crowd's
 * moment falls in the first half of the room there is and the band's in the second, so that they
 * are two moments; in a window too short for a crowd's reactions the moment falls in its first
 * tenth, and the latest reactions, after the window, are not sent. Everything derives from the seed.
 */
final class CrowdSchedule {

    /** One member's reaction to one crowd's moment. */
    record Reaction(Crowd crowd, long at) {
    }

    private final Map<Crowd, Long> moments = new LinkedHashMap<>();
    private final Map<Integer, List<Reaction>> byMember = new HashMap<>();

    CrowdSchedule(Population population, TrafficWindow window) {
        long seed = population.seed();
        List<Crowd> crowds = population.crowds();
        for (int c = 0; c < crowds.size(); c++) {
            Crowd crowd = crowds.get(c);
            CrowdStyle style = CrowdStyle.of(crowd.kind());
            long moment = moment(window, style, Seeds.unit(Seeds.mix(seed, Seeds.stream("crowd-moment"), c)));
            moments.put(crowd, moment);
            for (int member : crowd.members()) {
                long delay = style.delayMs(Seeds.unit(Seeds.mix(seed, Seeds.stream("crowd-delay"), c, member)));
                byMember.computeIfAbsent(member, m -> new ArrayList<>()).add(new Reaction(crowd, moment + delay));
            }
        }
        byMember.values().forEach(list -> list.sort(Comparator.comparingLong(Reaction::at)));
    }

    private static long moment(TrafficWindow window, CrowdStyle style, double u) {
        long from = window.startMs() + 60_000;
        long to = window.endMs() - style.spanMs();
        if (to <= from) {
            from = window.startMs() + 1;
            to = from + Math.max(1, (window.endMs() - from) / 10);
        }
        double slot = style.slotFrom + u * (style.slotTo - style.slotFrom);
        return from + (long) (slot * (to - from));
    }

    /** The account's reactions in time order; empty for anyone not in a crowd. */
    List<Reaction> reactionsOf(int account) {
        return byMember.getOrDefault(account, List.of());
    }

    /** Each crowd's moment, epoch milliseconds, in the population's crowd order. */
    Map<Crowd, Long> moments() {
        return Collections.unmodifiableMap(moments);
    }
}
