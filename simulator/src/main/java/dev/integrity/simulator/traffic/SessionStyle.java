package dev.integrity.simulator.traffic;

/**
 * How a person uses the first-party apps: sessions per hour (scaled by the daily rhythm), actions
 * per session and the seconds between them, and what those actions are (weights).
 */
record SessionStyle(double minSessionsPerHour, double maxSessionsPerHour, int minActions, int maxActions, double minGapSeconds,
        double maxGapSeconds, double like, double follow, double comment, double unlike, double unfollow, double post,
        double loginChance, int minCircle, int maxCircle) {

    static final SessionStyle GENUINE = new SessionStyle(0.1, 0.6, 2, 20, 4, 40, 0.78, 0.07, 0.06, 0.03, 0.02, 0.04, 0.3, 40, 400);
    static final SessionStyle HEAVY_ENGAGER = new SessionStyle(0.4, 0.9, 60, 250, 2, 12, 0.93, 0.02, 0.03, 0.01, 0.005, 0.005, 0.2,
            300, 1000);
    static final SessionStyle CELEBRITY = new SessionStyle(0.1, 0.4, 2, 10, 5, 60, 0.45, 0.05, 0.2, 0.0, 0.0, 0.3, 0.5, 50, 300);
    /** Posts go through the scheduler; the person only engages. */
    static final SessionStyle SCHEDULER_OWNER = new SessionStyle(0.1, 0.5, 2, 15, 4, 40, 0.8, 0.07, 0.08, 0.03, 0.02, 0.0, 0.3, 40,
            400);
    /** The person behind an automated account, using the official app now and then. */
    static final SessionStyle OWNER = new SessionStyle(0.1, 0.3, 1, 8, 5, 45, 0.7, 0.05, 0.1, 0.0, 0.0, 0.15, 0.4, 30, 200);

    double totalWeight() {
        return like + follow + comment + unlike + unfollow + post;
    }
}
