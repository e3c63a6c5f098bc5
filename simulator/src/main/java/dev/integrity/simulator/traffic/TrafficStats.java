package dev.integrity.simulator.traffic;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Archetype;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** What was generated: events by type and by archetype of the acting account. */
public final class TrafficStats {

    private final Map<EventType, Long> byType = new EnumMap<>(EventType.class);
    private final Map<Archetype, Long> byArchetype = new EnumMap<>(Archetype.class);
    private long total;

    void count(AccountEvent event, Archetype archetype) {
        byType.merge(event.type(), 1L, Long::sum);
        byArchetype.merge(archetype, 1L, Long::sum);
        total++;
    }

    public long total() {
        return total;
    }

    /** In the enum's order, so that reports list them the same way every time. */
    public Map<EventType, Long> byType() {
        return Collections.unmodifiableMap(new EnumMap<>(byType));
    }

    /** In the enum's order, so that reports list them the same way every time. */
    public Map<Archetype, Long> byArchetype() {
        return Collections.unmodifiableMap(new EnumMap<>(byArchetype));
    }
}
