package dev.integrity.simulator.traffic;

import dev.integrity.simulator.model.Crowd;

/**
 * How fast a crowd answers its moment. A member reacts {@code minDelayMs} plus an exponential
 * delay with mean {@code meanDelayMs} after the moment, never later than {@code maxDelayMs}: news
 * of a viral moment or a TV performance spreads in minutes, a giveaway post over about an hour.
 * Where in the window the moment may fall is a slot, as fractions of the room there is.
 */
enum CrowdStyle {
    FLASH(10_000, 70_000, 8 * 60_000, 0.0, 0.5),
    BAND(15_000, 90_000, 6 * 60_000, 0.5, 1.0),
    GIVEAWAY(20_000, 15 * 60_000, 60 * 60_000, 0.0, 1.0);

    final long minDelayMs;
    final long meanDelayMs;
    final long maxDelayMs;
    final double slotFrom;
    final double slotTo;

    CrowdStyle(long minDelayMs, long meanDelayMs, long maxDelayMs, double slotFrom, double slotTo) {
        this.minDelayMs = minDelayMs;
        this.meanDelayMs = meanDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.slotFrom = slotFrom;
        this.slotTo = slotTo;
    }

    static CrowdStyle of(Crowd.Kind kind) {
        return switch (kind) {
            case FLASH -> FLASH;
            case BAND -> BAND;
            case GIVEAWAY -> GIVEAWAY;
        };
    }

    /** The delay for a uniform {@code u} in [0, 1). */
    long delayMs(double u) {
        return Math.min(maxDelayMs, minDelayMs + (long) (-meanDelayMs * Math.log(1 - u)));
    }

    /** How long after the moment the last member may still be acting (its reaction takes a few minutes too). */
    long spanMs() {
        return maxDelayMs + 5 * 60_000L;
    }
}
