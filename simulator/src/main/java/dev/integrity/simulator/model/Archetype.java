package dev.integrity.simulator.model;

/**
 * The kinds of account in a simulated population, with their share of it. Shares add up to 1;
 * the README's table is generated from the same numbers.
 *
 * <p>Three genuine kinds are lookalikes: real people whose traffic has a shape a careless lockstep
 * detector takes for a bot farm (a crowd on one target within minutes, likes on the very targets
 * farms work, the same dozen accounts followed by many). They are here so that a false positive
 * shows up in the evaluation instead of in production.
 */
public enum Archetype {

    GENUINE(false, 0.44, 0, "ordinary users: long-tailed follower counts, a daily rhythm, first-party apps, modest engagement"),
    HEAVY_ENGAGER(false, 0.04, 0, "genuine fans who like thousands of posts a day, all through first-party apps"),
    CELEBRITY(false, 0.01, 0, "genuine accounts with 100k+ followers; a few of them bought followers from bot farms"),
    SCHEDULER_USER(false, 0.05, 0, "genuine users who authorised 'buffer-scheduler' and post through it; they engage first-party"),
    FLASH_CROWD_FAN(false, 0.20, 100, "genuine users with old accounts who, within minutes of a real-world moment, follow a newly famous"
            + " account and like its posts, first-party; some of them also follow a band's members after its performance"),
    EXPLORE_LIKER(false, 0.02, 5, "heavy first-party likers who browse Explore, where a post a bot farm is boosting shows up: a few of"
            + " their likes land on farm targets in the farm's minutes, among dozens of others"),
    GIVEAWAY_ENTRANT(false, 0.04, 30, "genuine users entering a loop giveaway: over an hour, each follows the same dozen sponsor"
            + " accounts at human pace and likes the giveaway post, first-party"),
    FOLLOWER_BUYER(true, 0.05, 0, "follow and like hundreds of accounts a day through a follower-selling app"),
    BOT_FARM(true, 0.09, 0, "groups of 20-40 fake accounts that follow and like the same targets within minutes"),
    F4F_RING(true, 0.03, 0, "follow-for-follow rings driven by the auto-follow app 'autofollow-x'"),
    PERSISTENT(true, 0.015, 0, "buyers who keep using the app after a warning"),
    COMPLIER(true, 0.015, 0, "buyers who change their password and revoke the app after a warning, and stop");

    private final boolean inauthentic;
    private final double share;
    private final int minimum;
    private final String description;

    Archetype(boolean inauthentic, double share, int minimum, String description) {
        this.inauthentic = inauthentic;
        this.share = share;
        this.minimum = minimum;
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

    /**
     * The fewest accounts of this kind a population should have, whatever its size: a crowd of a
     * share of 300 accounts would be too small to look like one. {@link ArchetypeCounts} takes the
     * difference from GENUINE, within limits.
     */
    public int minimum() {
        return minimum;
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

    /** Genuine, with traffic shaped to resemble coordinated inauthentic engagement. */
    public boolean isLookalike() {
        return this == FLASH_CROWD_FAN || this == EXPLORE_LIKER || this == GIVEAWAY_ENTRANT;
    }
}
