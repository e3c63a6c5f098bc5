package dev.integrity.simulator.traffic;

import java.util.concurrent.atomic.AtomicLong;

/** Event ids {@code sim-<seed>-<n>}, n counting up from 1 over the main traffic and then the follow-up. */
public final class EventIds {

    private final String prefix;
    private final AtomicLong next;

    public EventIds(long seed) {
        this(seed, 1);
    }

    public EventIds(long seed, long first) {
        this.prefix = "sim-" + seed + "-";
        this.next = new AtomicLong(first);
    }

    public String next() {
        return prefix + next.getAndIncrement();
    }

    /** How many ids were handed out so far. */
    public long issued() {
        return next.get() - 1;
    }
}
