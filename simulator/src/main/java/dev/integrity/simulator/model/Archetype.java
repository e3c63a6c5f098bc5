package dev.integrity.simulator.model;

/**
 * The kinds of account in a simulated population, with their share of it. Shares add up to 1;
 * the README's table is generated from the same numbers.
 */
public enum Archetype {

    GENUINE(false, 0.70, "ordinary users: long-tailed follower counts, a daily rhythm, first-party apps, modest engagement"),
    HEAVY_ENGAGER(false, 0.04, "genuine fans who like thousands of posts a day, all through first-party apps"),
    CELEBRITY(false, 0.01, "genuine accounts with 100k+ followers; a few of them bought followers from bot farms"),
    SCHEDULER_USER(false, 0.05, "genuine users who authorised 'buffer-scheduler' and post through it; they engage first-party"),
    FOLLOWER_BUYER(true, 0.05, "follow and like hundreds of accounts a day through a follower-selling app"),
    BOT_FARM(true, 0.09, "groups of 20-40 fake accounts that follow and like the same targets within minutes"),
    F4F_RING(true, 0.03, "follow-for-follow rings driven by the auto-follow app 'autofollow-x'"),
    PERSISTENT(true, 0.015, "buyers who keep using the app after a warning"),
    COMPLIER(true, 0.015, "buyers who change their password and revoke the app after a warning, and stop");

    private final boolean inauthentic;
    private final double share;
    private final String description;

    Archetype(boolean inauthentic, double share, String description) {
        this.inauthentic = inauthentic;
        this.share = share;
        this.description = description;
    }

    public boolean inauthentic() {
        return inauthentic;
    }

    /** 1 for inauthentic, 0 for genuine: the truth file's label. */
    public int label() {
        return inauthentic ? 1 : 0;
    }

    public double share() {
        return share;
    }

    public String description() {
        return description;
    }

    /** Buys engagement through a follower-selling app (and may buy followers from a farm). */
    public boolean isBuyer() {
        return this == FOLLOWER_BUYER || this == PERSISTENT || this == COMPLIER;
    }

    /** Reacts to warnings in the follow-up phase. */
    public boolean reactsToWarnings() {
        return this == PERSISTENT || this == COMPLIER;
    }
}
