package dev.integrity.simulator.model;

import dev.integrity.contract.Profile;

/**
 * One simulated account.
 *
 * @param index           its position in the population (0-based)
 * @param app             the third-party app it uses or authorised (buyer app, auto-follow app, scheduler), or null
 * @param group           its bot farm ({@code farm-N}), follow-for-follow ring ({@code ring-N}) or first genuine crowd
 *                        ({@code flash-1}, {@code giveaway-1}), or null
 * @param clientApp       the clientAppId its own actions carry: a first-party app, or what its farm claims to be
 * @param utcOffsetHours  its local time zone, for the daily rhythm
 * @param boughtFollowers how many bot-farm accounts follow it because it paid for them (0 for most)
 */
public record Account(
        int index,
        String id,
        Archetype archetype,
        Profile profile,
        String app,
        String group,
        String clientApp,
        int utcOffsetHours,
        long boughtFollowers) {

    public boolean inauthentic() {
        return archetype.inauthentic();
    }

    /** The account id of population member {@code index} in a run with this seed. */
    public static String idFor(long seed, int index) {
        return String.format("s%d-a%06d", seed, index);
    }
}
