package dev.integrity.simulator.model;

import dev.integrity.contract.AppClassifier;
import java.util.List;

/** The client apps of the simulation. First-party ones are the contract's defaults. */
public final class Apps {

    /** The contract's, in a fixed order (its set has none). */
    public static final List<String> FIRST_PARTY = AppClassifier.DEFAULT_FIRST_PARTY_APPS.stream().sorted().toList();
    /** Follower-selling apps that follow and like on the buyer's behalf. */
    public static final List<String> FOLLOWER_APPS = List.of("followboost", "instaboost-pro");
    /** The auto-follow app of follow-for-follow rings. */
    public static final String AUTO_FOLLOW = "autofollow-x";
    /** A scheduling app that only posts: authorising it is fine. */
    public static final String SCHEDULER = "buffer-scheduler";
    /** Apps some genuine users authorise and never engage through. */
    public static final List<String> HARMLESS = List.of("buffer-scheduler", "later-planner", "linktree-sync");
    /** What bot-farm accounts claim to be: mostly the official apps, sometimes the farm's own panel. */
    public static final List<String> FARM_CLAIMS = List.of("official-android", "official-ios", "official-web", "likerush-panel",
            "growfast-farm");

    private static final AppClassifier CLASSIFIER = AppClassifier.defaults();

    private Apps() {
    }

    /** As the suite tells them: a missing app is the platform's own. */
    public static boolean isFirstParty(String clientAppId) {
        return !CLASSIFIER.isThirdParty(clientAppId);
    }
}
