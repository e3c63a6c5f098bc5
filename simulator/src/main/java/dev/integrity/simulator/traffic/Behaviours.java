package dev.integrity.simulator.traffic;

import dev.integrity.simulator.model.Archetype;
import java.util.List;

/** Which behaviours make up each archetype. */
final class Behaviours {

    private static final Behaviour SETTINGS = new AccountSettings();
    private static final List<Behaviour> GENUINE = List.of(new Sessions(SessionStyle.GENUINE), SETTINGS);
    private static final List<Behaviour> HEAVY = List.of(new Sessions(SessionStyle.HEAVY_ENGAGER), SETTINGS);
    private static final List<Behaviour> CELEBRITY = List.of(new Sessions(SessionStyle.CELEBRITY), SETTINGS);
    private static final List<Behaviour> SCHEDULER = List.of(new Sessions(SessionStyle.SCHEDULER_OWNER), new ScheduledPosts(),
            SETTINGS);
    private static final List<Behaviour> BUYER = List.of(new Sessions(SessionStyle.OWNER), new Automation(Automation.Kind.FOLLOWER_APP),
            SETTINGS);
    private static final List<Behaviour> RING = List.of(new Sessions(SessionStyle.OWNER), new Automation(Automation.Kind.AUTO_FOLLOW),
            SETTINGS);
    private static final List<Behaviour> FARM = List.of(new FarmJobs());
    /** Lookalikes: ordinary sessions, plus what makes them resemble a farm. */
    private static final List<Behaviour> CROWD = List.of(new Sessions(SessionStyle.GENUINE), new CrowdReactions(), SETTINGS);
    private static final List<Behaviour> EXPLORE = List.of(new Sessions(SessionStyle.GENUINE), new ExploreSessions(), SETTINGS);

    private Behaviours() {
    }

    static List<Behaviour> of(Archetype archetype) {
        return switch (archetype) {
            case GENUINE -> GENUINE;
            case HEAVY_ENGAGER -> HEAVY;
            case FLASH_CROWD_FAN, GIVEAWAY_ENTRANT -> CROWD;
            case EXPLORE_LIKER -> EXPLORE;
            case CELEBRITY -> CELEBRITY;
            case SCHEDULER_USER -> SCHEDULER;
            case FOLLOWER_BUYER, PERSISTENT, COMPLIER -> BUYER;
            case F4F_RING -> RING;
            case BOT_FARM -> FARM;
        };
    }
}
