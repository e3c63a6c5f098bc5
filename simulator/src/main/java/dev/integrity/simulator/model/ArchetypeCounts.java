package dev.integrity.simulator.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** How many accounts of each archetype a population of n has: the shares, rounded by largest remainder. */
public final class ArchetypeCounts {

    private ArchetypeCounts() {
    }

    public static Map<Archetype, Integer> of(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the population size must not be negative: " + n);
        }
        Archetype[] all = Archetype.values();
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
        Map<Archetype, Integer> result = new EnumMap<>(Archetype.class);
        for (int i = 0; i < all.length; i++) {
            result.put(all[i], counts[i]);
        }
        return result;
    }
}
