package dev.integrity.scoring.model;

import java.util.Map;

import dev.integrity.contract.Profile;

/**
 * What the scoring service knows about an account's recent behaviour and profile, read from Redis.
 * Windows are anchored at the account's latest event time, so replayed history scores as it did live.
 *
 * @param engagement24h follows, likes and comments given in the last 24 h, by kind (F, L, C)
 * @param thirdParty24h the same, through third-party apps only
 * @param byApp24h engagement per third-party app in the last 24 h, by kind: app -> {F, L, C}
 * @param profile the latest PROFILE_SNAPSHOT, or null
 * @param accountAgeDays from the profile's createdAt, else from the first event seen, else NaN
 */
public record AccountFeatures(
        String accountId,
        long follows1h,
        Map<String, Long> engagement24h,
        Map<String, Long> thirdParty24h,
        Map<String, Map<String, Long>> byApp24h,
        long distinctTargets24h,
        double intervalCv,
        long maxBurst1m,
        long distinctIps24h,
        long distinctDevices24h,
        double accountAgeDays,
        Profile profile) {

    public long follows24h() {
        return engagement24h.getOrDefault("F", 0L);
    }

    public long likes24h() {
        return engagement24h.getOrDefault("L", 0L);
    }

    public long comments24h() {
        return engagement24h.getOrDefault("C", 0L);
    }

    public long totalEngagement24h() {
        return follows24h() + likes24h() + comments24h();
    }

    public long thirdPartyEngagement24h() {
        return thirdParty24h.values().stream().mapToLong(Long::longValue).sum();
    }

    public double thirdPartyShare24h() {
        long total = totalEngagement24h();
        return total == 0 ? 0 : (double) thirdPartyEngagement24h() / total;
    }

    /** True when nothing at all is known: Redis lost the account's keys (or never had them). */
    public boolean isEmpty() {
        return totalEngagement24h() == 0 && profile == null && Double.isNaN(accountAgeDays);
    }
}
