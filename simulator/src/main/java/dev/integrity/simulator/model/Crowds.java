package dev.integrity.simulator.model;

import dev.integrity.simulator.model.Crowd.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Forms the population's crowds from its lookalike archetypes: flash crowds of FLASH_CROWD_FAN
 * accounts, each around one newly famous GENUINE account, a band moment for part of each flash
 * crowd, and loop giveaways for the GIVEAWAY_ENTRANTs. A crowd has at most {@link #MAX_MEMBERS}
 * members: a big population gets several moments (and no slice of its traffic holds a million
 * reactions). Targets are public accounts with posts to like, never members of a crowd, and each
 * serves one crowd only. A population too small to hold the targets gets fewer crowds; the
 * lookalikes left out simply act as ordinary users.
 */
final class Crowds {

    /** The most members one crowd has; more fans make more crowds. */
    static final int MAX_MEMBERS = 1_000;
    /** The share of a flash crowd's fans who are also fans of the band. */
    static final double BAND_FAN_SHARE = 0.4;
    /** Fewer band fans than this would not be a crowd. */
    static final int MIN_BAND_FANS = 8;
    /** A giveaway needs a host and at least this many sponsors. */
    static final int MIN_SPONSORS = 4;
    /** Posts a target needs for fans to have something to like. */
    static final long MIN_POSTS = 3;

    private Crowds() {
    }

    /**
     * @param suitable whether an account can be a target: public, with at least {@link #MIN_POSTS} posts
     */
    static List<Crowd> form(long seed, Map<Archetype, List<Integer>> byArchetype, IntPredicate suitable) {
        SplittableRandom r = Seeds.random(seed, Seeds.stream("crowds"));
        TargetPool genuine = new TargetPool(shuffled(byArchetype.getOrDefault(Archetype.GENUINE, List.of()), r), suitable);
        TargetPool shops = new TargetPool(shuffled(byArchetype.getOrDefault(Archetype.SCHEDULER_USER, List.of()), r), suitable);
        List<Crowd> crowds = new ArrayList<>();

        List<List<Integer>> flashes = chunks(byArchetype.getOrDefault(Archetype.FLASH_CROWD_FAN, List.of()));
        for (int k = 0; k < flashes.size() && genuine.has(1); k++) {
            List<Integer> fans = flashes.get(k);
            crowds.add(new Crowd("flash-" + (k + 1), Kind.FLASH, genuine.take(1), fans));
            List<Integer> bandFans = fans.stream().filter(f -> r.nextDouble() < BAND_FAN_SHARE).toList();
            int bandSize = 4 + r.nextInt(2);
            if (bandFans.size() >= MIN_BAND_FANS && genuine.has(bandSize)) {
                crowds.add(new Crowd("band-" + (k + 1), Kind.BAND, genuine.take(bandSize), bandFans));
            }
        }

        List<List<Integer>> giveaways = chunks(byArchetype.getOrDefault(Archetype.GIVEAWAY_ENTRANT, List.of()));
        for (int k = 0; k < giveaways.size(); k++) {
            int wanted = 10 + r.nextInt(3); // the host and 9-11 sponsors
            // small businesses run loop giveaways; ordinary creators fill the loop
            List<Integer> loop = new ArrayList<>(shops.takeUpTo(wanted));
            loop.addAll(genuine.takeUpTo(wanted - loop.size()));
            if (loop.size() <= MIN_SPONSORS) {
                break;
            }
            crowds.add(new Crowd("giveaway-" + (k + 1), Kind.GIVEAWAY, loop, giveaways.get(k)));
        }
        return crowds;
    }

    /** Consecutive parts of nearly equal size, none over {@link #MAX_MEMBERS}. */
    static List<List<Integer>> chunks(List<Integer> members) {
        int parts = (members.size() + MAX_MEMBERS - 1) / MAX_MEMBERS;
        List<List<Integer>> chunks = new ArrayList<>(parts);
        for (int k = 0; k < parts; k++) {
            chunks.add(List.copyOf(members.subList(members.size() * k / parts, members.size() * (k + 1) / parts)));
        }
        return chunks;
    }

    private static List<Integer> shuffled(List<Integer> indices, SplittableRandom r) {
        List<Integer> list = new ArrayList<>(indices);
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, r.nextInt(i + 1));
        }
        return list;
    }

    /** Candidates in a fixed random order, looked at only as far as needed; unsuitable ones are passed over. */
    private static final class TargetPool {
        private final List<Integer> candidates;
        private final IntPredicate suitable;
        private final List<Integer> ready = new ArrayList<>();
        private int cursor;

        TargetPool(List<Integer> candidates, IntPredicate suitable) {
            this.candidates = candidates;
            this.suitable = suitable;
        }

        boolean has(int n) {
            while (ready.size() < n && cursor < candidates.size()) {
                int c = candidates.get(cursor++);
                if (suitable.test(c)) {
                    ready.add(c);
                }
            }
            return ready.size() >= n;
        }

        /** The next n suitable candidates (fewer when there are no more). */
        List<Integer> takeUpTo(int n) {
            has(n);
            List<Integer> taken = List.copyOf(ready.subList(0, Math.min(n, ready.size())));
            ready.subList(0, taken.size()).clear();
            return taken;
        }

        List<Integer> take(int n) {
            if (!has(n)) {
                throw new IllegalStateException("only " + ready.size() + " candidates, not " + n);
            }
            return takeUpTo(n);
        }
    }
}
