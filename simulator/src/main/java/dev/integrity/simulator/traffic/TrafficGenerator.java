package dev.integrity.simulator.traffic;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.simulator.model.Account;
import dev.integrity.simulator.model.Population;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The population's traffic as a stream in time order: first a PROFILE_SNAPSHOT of every account at
 * the window's start, then everything they do, five minutes at a time. Only one slice of events
 * and each account's few planned-ahead actions are held in memory, however long the window.
 * Event ids are {@code sim-<seed>-<n>} in emission order. Single-threaded.
 */
public final class TrafficGenerator implements Iterator<AccountEvent> {

    static final long SLICE_MS = 5 * 60_000L;
    private static final int SNAPSHOTS_PER_STEP = 1_000;

    private final TrafficContext context;
    private final EventIds ids;
    private final List<Actor> actors;
    private final ArrayDeque<AccountEvent> ready = new ArrayDeque<>();
    private final TrafficStats stats = new TrafficStats();
    private int snapshotCursor;
    private long sliceStart;
    private boolean done;

    public TrafficGenerator(Population population, TrafficWindow window, EventIds ids) {
        this.context = TrafficContext.of(population, window);
        this.ids = ids;
        this.actors = new ArrayList<>(population.size());
        for (Account account : population.accounts()) {
            Actor actor = new Actor(account, population.seed());
            Behaviours.of(account.archetype()).forEach(b -> b.init(actor, context));
            actors.add(actor);
        }
        this.sliceStart = window.startMs() + 1; // activity comes strictly after the snapshots
    }

    public Stream<AccountEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Counts so far; complete once the generator is exhausted. */
    public TrafficStats stats() {
        return stats;
    }

    public TrafficWindow window() {
        return context.window();
    }

    /** When each of the population's crowds has its moment, by crowd id, in the population's crowd order. */
    public Map<String, Instant> crowdMoments() {
        Map<String, Instant> moments = new LinkedHashMap<>();
        context.crowds().moments().forEach((crowd, at) -> moments.put(crowd.id(), Instant.ofEpochMilli(at)));
        return moments;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !done) {
            step();
        }
        return !ready.isEmpty();
    }

    @Override
    public AccountEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void step() {
        if (snapshotCursor < actors.size()) {
            Instant at = context.window().start();
            int until = Math.min(actors.size(), snapshotCursor + SNAPSHOTS_PER_STEP);
            for (; snapshotCursor < until; snapshotCursor++) {
                Account account = actors.get(snapshotCursor).account;
                emit(new AccountEvent(ids.next(), EventType.PROFILE_SNAPSHOT, account.id(), at, null, null, null, null, null, null,
                        null, account.profile()), account);
            }
            return;
        }
        long end = context.window().endMs();
        if (sliceStart > end) {
            done = true;
            return;
        }
        long sliceEnd = Math.min(sliceStart + SLICE_MS, end + 1);
        List<Draft> drafts = new ArrayList<>();
        for (Actor actor : actors) {
            for (Behaviour behaviour : Behaviours.of(actor.account.archetype())) {
                behaviour.plan(actor, sliceStart, sliceEnd, context);
            }
            actor.drainBefore(sliceEnd, drafts);
        }
        drafts.sort(Draft.ORDER);
        for (Draft draft : drafts) {
            Account account = actors.get(draft.actor()).account;
            emit(draft.toEvent(ids.next(), account.id()), account);
        }
        sliceStart = sliceEnd;
    }

    private void emit(AccountEvent event, Account account) {
        stats.count(event, account.archetype());
        ready.add(event);
    }
}
