package dev.integrity.simulator.model;

import java.util.SplittableRandom;

/**
 * Deterministic randomness: every random choice of a run derives from its seed, so one seed gives
 * the same population and the same traffic (relative to the run's clock), whatever the order in
 * which accounts are generated.
 */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64's finaliser over the parts: a well-mixed 64-bit hash. */
    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h ^= part;
            h = finalise(h + 0x9E3779B97F4A7C15L);
        }
        return h;
    }

    /** A random stream for the parts, e.g. (seed, stream name, account index). */
    public static SplittableRandom random(long... parts) {
        return new SplittableRandom(mix(parts));
    }

    /** A stable number for a name, to tell random streams apart. */
    public static long stream(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return h;
    }

    /** A uniform double in [0, 1) from a hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** A uniform int in [0, bound) from a hash. */
    public static int below(long hash, int bound) {
        return (int) Math.floorMod(hash, (long) bound);
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
