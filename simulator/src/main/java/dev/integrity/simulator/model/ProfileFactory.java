package dev.integrity.simulator.model;

import static dev.integrity.simulator.model.Distributions.between;
import static dev.integrity.simulator.model.Distributions.chance;
import static dev.integrity.simulator.model.Distributions.lognormal;
import static dev.integrity.simulator.model.Distributions.pareto;

import dev.integrity.contract.Profile;
import dev.integrity.model.synthetic.Names;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * Profiles that look like their archetype, with realistic overlap: most fakes have no picture, a
 * digit-heavy handle, few posts and follow far more accounts than follow them, and most genuine
 * accounts the opposite, but some genuine ones look bare and some fakes look cared for.
 */
final class ProfileFactory {

    private static final long MAX_FOLLOWING = 7_500;

    private final RandomGenerator r;
    private final Names names;
    private final Instant now;

    ProfileFactory(RandomGenerator random, Instant now) {
        this.r = random;
        this.names = new Names(ProfileWords.VOCABULARY, random);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    Profile create(Archetype archetype) {
        return switch (archetype) {
            case GENUINE -> person(0.08, 60, 280);
            case FLASH_CROWD_FAN -> person(0.0, 365, 280); // ordinary histories: old, lived-in accounts
            case GIVEAWAY_ENTRANT -> person(0.03, 180, 650); // entering giveaways leaves one following many
            case HEAVY_ENGAGER, EXPLORE_LIKER -> heavyEngager();
            case CELEBRITY -> celebrity();
            case SCHEDULER_USER -> schedulerUser();
            case FOLLOWER_BUYER, PERSISTENT, COMPLIER -> buyer();
            case BOT_FARM -> farmAccount();
            case F4F_RING -> ringMember();
        };
    }

    /**
     * An ordinary person.
     *
     * @param bareChance       how many are new or lurking users: no bio, maybe no picture, few posts
     * @param minAgeDays       the youngest account
     * @param followingMedian  how many accounts such a person typically follows
     */
    private Profile person(double bareChance, int minAgeDays, double followingMedian) {
        String first = names.first();
        String last = names.last();
        boolean bare = chance(r, bareChance);
        String username = chance(r, 0.06) ? names.randomHandle() : names.handleFor(first, last, 0.35);
        String fullName = chance(r, 0.05) ? "" : first + " " + last;
        String bio = bare || chance(r, 0.3) ? "" : names.bio();
        String url = !bare && chance(r, 0.12) ? url(username) : null;
        long media = bare ? count(lognormal(r, 3, 1.0)) : count(lognormal(r, 45, 1.2));
        long followers = Math.min(90_000, count(lognormal(r, bare ? 40 : 220, 1.3)));
        long following = Math.min(MAX_FOLLOWING, count(lognormal(r, bare ? 150 : followingMedian, 0.9)));
        return new Profile(username, fullName, bio, url, !bare || chance(r, 0.5), chance(r, 0.28), media, followers, following,
                age(minAgeDays, 12 * 365));
    }

    private Profile heavyEngager() {
        String first = names.first();
        String last = names.last();
        String username = names.handleFor(first, last, 0.4);
        return new Profile(username, first + " " + last, chance(r, 0.75) ? names.bio() : "",
                chance(r, 0.15) ? url(username) : null, chance(r, 0.95), chance(r, 0.2),
                count(lognormal(r, 120, 0.9)), count(lognormal(r, 600, 1.0)),
                Math.min(MAX_FOLLOWING, count(lognormal(r, 1500, 0.5))), age(365, 10 * 365));
    }

    private Profile celebrity() {
        String first = names.first();
        String last = names.last();
        String username = chance(r, 0.2) ? "the" + Names.ascii(first) + Names.ascii(last) : names.handleFor(first, last, 0.0);
        long followers = Math.min(400_000_000L, count(pareto(r, 100_000, 1.1)));
        return new Profile(username, first + " " + last, names.pick(ProfileWords.CELEBRITY_BIO), chance(r, 0.9) ? url(username) : null,
                true, false, count(lognormal(r, 1500, 0.7)), followers, count(lognormal(r, 400, 0.8)), age(4 * 365, 14 * 365));
    }

    private Profile schedulerUser() {
        String first = names.first();
        String business = names.pick(ProfileWords.BUSINESS);
        boolean shop = chance(r, 0.6);
        String username = shop ? Names.ascii(first) + "s." + business.toLowerCase(java.util.Locale.ROOT) : names.handleFor(first, names.last(), 0.2);
        String fullName = shop ? first + "'s " + business : first + " " + names.last();
        return new Profile(username, fullName, shop ? business + " · open Tue–Sun · orders via link" : names.bio(),
                chance(r, 0.8) ? url(username) : null, true, false, count(lognormal(r, 400, 0.8)),
                count(lognormal(r, 1200, 1.1)), Math.min(MAX_FOLLOWING, count(lognormal(r, 500, 0.7))), age(365, 9 * 365));
    }

    private Profile buyer() {
        String first = names.first();
        String last = names.last();
        String username = names.handleFor(first, last, 0.5);
        String bio = chance(r, 0.5) ? names.pick(ProfileWords.ASPIRING_BIO) : chance(r, 0.5) ? names.bio() : "";
        return new Profile(username, first + " " + last, bio, chance(r, 0.35) ? url(username) : null, chance(r, 0.85),
                chance(r, 0.1), count(lognormal(r, 35, 1.0)), count(lognormal(r, 900, 1.0)),
                Math.min(MAX_FOLLOWING, count(lognormal(r, 2500, 0.5))), age(100, 5 * 365));
    }

    private Profile farmAccount() {
        boolean careful = chance(r, 0.15); // some farms buy aged accounts that look lived in
        String first = names.first();
        String last = names.last();
        String username = careful ? names.handleFor(first, last, 0.8) : names.randomHandle();
        String fullName = careful ? first + " " + last : chance(r, 0.5) ? "" : first + (chance(r, 0.5) ? " " + last : "");
        String bio = careful ? names.bio() : chance(r, 0.6) ? "" : chance(r, 0.6) ? names.spamBio() : names.bio();
        String url = chance(r, 0.05) ? spamUrl() : null;
        long media = careful ? count(lognormal(r, 12, 0.8)) : chance(r, 0.6) ? 0 : between(r, 1, 6);
        long followers = count(lognormal(r, careful ? 120 : 15, 1.2));
        long following = careful ? count(lognormal(r, 900, 0.5)) : between(r, 300, (int) MAX_FOLLOWING);
        return new Profile(username, fullName, bio, url, careful || chance(r, 0.3), chance(r, 0.1), media, followers, following,
                careful ? age(400, 3 * 365) : age(3, 120));
    }

    private Profile ringMember() {
        String first = names.first();
        String last = names.last();
        String username = names.handleFor(first, last, 0.7);
        long followers = count(lognormal(r, 1800, 0.6));
        long following = Math.min(MAX_FOLLOWING, Math.round(followers * between(r, 0.9, 1.4)) + 200);
        return new Profile(username, chance(r, 0.8) ? first + " " + last : "", chance(r, 0.6) ? names.spamBio() : names.pick(ProfileWords.ASPIRING_BIO),
                chance(r, 0.2) ? url(username) : null, chance(r, 0.65), chance(r, 0.05), count(lognormal(r, 20, 0.9)), followers,
                following, age(30, 3 * 365));
    }

    private Instant age(int minDays, int maxDays) {
        long seconds = Math.round(between(r, (double) minDays, (double) maxDays) * 86_400.0);
        return now.minus(Duration.ofSeconds(seconds));
    }

    private static long count(double value) {
        return Math.max(0, Math.round(value));
    }

    /** The user's own site or link page. */
    private String url(String username) {
        return switch (r.nextInt(4)) {
            case 0 -> "https://" + username.replace('.', '-').replace('_', '-') + ".example.com";
            case 1 -> "https://linktr.ee/" + username;
            case 2 -> "https://www.example.org/" + username;
            default -> "https://blog.example.net/@" + username;
        };
    }

    private String spamUrl() {
        return "https://bit.ly/" + names.letters(7);
    }
}
