package dev.integrity.simulator.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many accounts of each archetype a population of n has: the shares, rounded by largest
 * remainder, then each archetype with a {@link Archetype#minimum() minimum} lifted towards it with
 * accounts taken from GENUINE, in enum order. At most half of the GENUINE accounts move, so a tiny
 * population keeps ordinary users; the total stays n.
 */
public final class ArchetypeCounts {

    private ArchetypeCounts() {
    }

    public static Map<Archetype, Integer> of(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the population size must not be negative: " + n);
        }
        Archetype[] all = Archetype.values();
        int[] counts = byShare(n, all);
        int genuine = Archetype.GENUINE.ordinal();
        int movable = counts[genuine] / 2;
        for (Archetype a : all) {
            int lift = Math.min(Math.max(0, a.minimum() - counts[a.ordinal()]), movable);
            if (a != Archetype.GENUINE && lift > 0) {
                counts[a.ordinal()] += lift;
                counts[genuine] -= lift;
                movable -= lift;
            }
        }
        Map<Archetype, Integer> result = new EnumMap<>(Archetype.class);
        for (int i = 0; i < all.length; i++) {
            result.put(all[i], counts[i]);
        }
        return result;
    }

    private static int[] byShare(int n, Archetype[] all) {
        int[] counts = new int[all.length];
        double[] remainders = new double[all.length];
        int assigned = 0;
        for (int i = 0; i < all.length; i++) {
            double exact = n * all[i].share();
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        Integer[] order = new Integer[all.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a]) : a - b);
        for (int k = 0; assigned < n; k = (k + 1) % all.length) {
            counts[order[k]]++;
            assigned++;
        }
        return counts;
    }
}
