package dev.integrity.model.synthetic;

import static dev.integrity.model.BehaviourFeatures.ACCOUNT_AGE_DAYS;
import static dev.integrity.model.BehaviourFeatures.COMMENTS_24H;
import static dev.integrity.model.BehaviourFeatures.DISTINCT_DEVICES_24H;
import static dev.integrity.model.BehaviourFeatures.DISTINCT_IPS_24H;
import static dev.integrity.model.BehaviourFeatures.DISTINCT_TARGETS_24H;
import static dev.integrity.model.BehaviourFeatures.FOLLOWS_1H;
import static dev.integrity.model.BehaviourFeatures.FOLLOWS_24H;
import static dev.integrity.model.BehaviourFeatures.INTERVAL_CV;
import static dev.integrity.model.BehaviourFeatures.LIKES_24H;
import static dev.integrity.model.BehaviourFeatures.MAX_BURST_1M;
import static dev.integrity.model.BehaviourFeatures.THIRD_PARTY_SHARE_24H;

import dev.integrity.model.BehaviourFeatures;
import dev.integrity.model.ProfileColumns;
import dev.integrity.model.ProfileRecord;
import dev.integrity.model.csv.LabelledProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic labelled population of profiles. Each profile is drawn from an archetype: genuine
 * regular users, creators and new or quiet users; fake bot-farm accounts, "polished" fakes and sleepers
 * that look genuine. The archetypes overlap (new genuine users look like fakes, sleepers like genuine
 * users), so a model cannot separate them perfectly. Deterministic for a seed.
 */
public final class SyntheticProfiles {

    public static final double DEFAULT_FAKE_SHARE = 0.35;

    private final Random random;
    private final Names names;
    private final boolean withBehaviour;

    public SyntheticProfiles(long seed, boolean withBehaviour) {
        this.random = new Random(seed);
        this.names = new Names(random);
        this.withBehaviour = withBehaviour;
    }

    /** The columns {@link #generate} fills, label last. */
    public static List<String> columns(boolean withBehaviour) {
        List<String> columns = new ArrayList<>(ProfileColumns.PROFILE);
        if (withBehaviour) {
            columns.addAll(BehaviourFeatures.ALL);
        }
        columns.add(ProfileColumns.LABEL);
        return columns;
    }

    public List<LabelledProfile> generate(int rows, double fakeShare) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        if (!(fakeShare >= 0 && fakeShare <= 1)) {
            throw new IllegalArgumentException("fake share must be in [0, 1]");
        }
        List<LabelledProfile> profiles = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            boolean fake = random.nextDouble() < fakeShare;
            Archetype archetype = fake ? pickFake() : pickGenuine();
            profiles.add(new LabelledProfile(i + 2, profile(archetype), fake));
        }
        return profiles;
    }

    private enum Archetype { REGULAR, CREATOR, NEWCOMER, BOT, POLISHED_FAKE, SLEEPER }

    /**
     * What an archetype's profiles look like: the chances of a biography, an external URL, a profile picture and a
     * private account, and the median and spread (sigma of the log) of followers and of following.
     */
    private record Traits(double bioChance, double urlChance, double pictureChance, double privateChance,
            double followersMedian, double followersSigma, double followingMedian, double followingSigma) {

        static Traits of(Archetype a) {
            return switch (a) {
                case REGULAR -> new Traits(0.65, 0.15, 0.95, 0.4, 350, 1.2, 400, 0.8);
                case CREATOR -> new Traits(0.95, 0.7, 0.99, 0.03, 8000, 1.8, 600, 0.9);
                case NEWCOMER -> new Traits(0.25, 0.03, 0.6, 0.45, 40, 1.1, 120, 1.0);
                case BOT -> new Traits(0.15, 0.1, 0.35, 0.15, 25, 1.3, 1500, 0.7);
                case POLISHED_FAKE -> new Traits(0.35, 0.05, 0.75, 0.25, 90, 1.1, 900, 0.8);
                case SLEEPER -> new Traits(0.5, 0.1, 0.9, 0.3, 200, 1.1, 700, 0.9);
            };
        }
    }

    private Archetype pickGenuine() {
        double r = random.nextDouble();
        return r < 0.68 ? Archetype.REGULAR : r < 0.80 ? Archetype.CREATOR : Archetype.NEWCOMER;
    }

    private Archetype pickFake() {
        double r = random.nextDouble();
        return r < 0.55 ? Archetype.BOT : r < 0.85 ? Archetype.POLISHED_FAKE : Archetype.SLEEPER;
    }

    private ProfileRecord profile(Archetype a) {
        String first = names.first();
        String last = names.last();
        String username;
        String fullName;
        switch (a) {
            case BOT -> {
                username = names.randomHandle();
                fullName = chance(0.6) ? "" : chance(0.5) ? names.first() + " " + names.last() : names.first();
            }
            case POLISHED_FAKE -> {
                username = names.handleFor(first, last, 1.0);
                fullName = chance(0.6) ? first + " " + last : chance(0.5) ? "" : names.first() + " " + names.last();
            }
            case NEWCOMER -> {
                username = chance(0.2) ? names.randomHandle() : names.handleFor(first, last, 0.6);
                fullName = chance(0.3) ? "" : chance(0.3) ? first : first + " " + last;
            }
            default -> {
                username = names.handleFor(first, last, 0.3);
                fullName = chance(0.08) ? "" : chance(0.1) ? first : first + " " + last;
            }
        }
        Traits t = Traits.of(a);
        boolean fakeBio = a == Archetype.BOT || a == Archetype.POLISHED_FAKE;
        String biography = chance(t.bioChance()) ? (fakeBio && chance(0.6) ? names.spamBio() : names.bio()) : "";
        String externalUrl = chance(t.urlChance()) ? names.url(a == Archetype.BOT, username) : "";
        boolean picture = chance(t.pictureChance());
        boolean isPrivate = chance(t.privateChance());
        long media = switch (a) {
            case REGULAR -> chance(0.04) ? 0 : logNormal(80, 1.1);
            case CREATOR -> logNormal(400, 0.9);
            case NEWCOMER -> chance(0.35) ? 0 : logNormal(4, 1.0);
            case BOT -> chance(0.6) ? 0 : logNormal(3, 0.9);
            case POLISHED_FAKE -> chance(0.3) ? 0 : logNormal(9, 0.9);
            case SLEEPER -> logNormal(25, 1.0);
        };
        long followers = logNormal(t.followersMedian(), t.followersSigma());
        long following = Math.min(7500, logNormal(t.followingMedian(), t.followingSigma()));
        Map<String, Double> behaviour = withBehaviour ? behaviour(a) : Map.of();
        return new ProfileRecord(username, fullName, biography, externalUrl, picture, isPrivate, media, followers,
                following, behaviour);
    }

    /** Engagement over the last day; bots are busy, regular, app-driven and spread over many IPs. */
    private Map<String, Double> behaviour(Archetype a) {
        boolean automated = switch (a) {
            case BOT -> chance(0.9);
            case POLISHED_FAKE -> chance(0.75);
            case SLEEPER -> chance(0.4);
            default -> chance(0.03);
        };
        Map<String, Double> b = new LinkedHashMap<>();
        long follows24h = automated ? logNormal(250, 0.8) : logNormal(2, 1.0);
        long follows1h = Math.min(follows24h, automated ? logNormal(follows24h / 8.0 + 1, 0.6) : logNormal(0.5, 1.0));
        long likes24h = automated ? logNormal(400, 0.9) : logNormal(15, 1.1);
        long comments24h = automated ? logNormal(4, 1.0) : logNormal(1, 1.0);
        long actions = follows24h + likes24h + comments24h;
        b.put(FOLLOWS_1H, (double) follows1h);
        b.put(FOLLOWS_24H, (double) follows24h);
        b.put(LIKES_24H, (double) likes24h);
        b.put(COMMENTS_24H, (double) comments24h);
        b.put(THIRD_PARTY_SHARE_24H, round(automated ? 0.5 + 0.5 * random.nextDouble()
                : chance(0.1) ? 0.3 * random.nextDouble() : 0.0));
        b.put(DISTINCT_TARGETS_24H, (double) Math.max(0, Math.round(actions * (0.4 + 0.5 * random.nextDouble()))));
        b.put(INTERVAL_CV, round(Math.max(0.02, automated ? 0.3 + 0.15 * random.nextGaussian()
                : 1.3 + 0.4 * random.nextGaussian())));
        b.put(MAX_BURST_1M, (double) Math.max(1, automated ? logNormal(18, 0.6) : logNormal(2, 0.6)));
        b.put(DISTINCT_IPS_24H, (double) Math.max(1, automated ? logNormal(5, 0.7) : logNormal(1.5, 0.5)));
        b.put(DISTINCT_DEVICES_24H, (double) Math.max(1, automated ? logNormal(2, 0.6) : logNormal(1.2, 0.4)));
        b.put(ACCOUNT_AGE_DAYS, (double) (a == Archetype.NEWCOMER || a == Archetype.BOT
                ? logNormal(30, 1.0) : logNormal(900, 0.8)));
        return b;
    }

    private long logNormal(double median, double sigma) {
        return Math.max(0, Math.round(median * Math.exp(sigma * random.nextGaussian())));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
