package dev.integrity.simulator.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The ground truth of one account.
 *
 * @param label           1 inauthentic, 0 genuine
 * @param group           its bot farm ({@code farm-N}), follow-for-follow ring ({@code ring-N}) or genuine crowd
 *                        ({@code flash-1}, {@code giveaway-1}; a band's fans are in {@code flash-1}), or empty
 * @param boughtFollowers bot-farm accounts that follow it because it paid (celebrities and buyers), else 0
 * @param app             the third-party app it uses or authorised, or empty
 */
@JsonPropertyOrder({"accountId", "archetype", "label", "group", "boughtFollowers", "app"})
public record TruthRecord(String accountId, Archetype archetype, int label, String group, long boughtFollowers, String app) {

    public TruthRecord {
        group = group == null ? "" : group;
        app = app == null ? "" : app;
    }

    public static TruthRecord of(Account a) {
        return new TruthRecord(a.id(), a.archetype(), a.archetype().label(), a.group(), a.boughtFollowers(), a.app());
    }

    public boolean inauthentic() {
        return label == 1;
    }

    public boolean inFarm() {
        return archetype == Archetype.BOT_FARM && !group.isEmpty();
    }
}
