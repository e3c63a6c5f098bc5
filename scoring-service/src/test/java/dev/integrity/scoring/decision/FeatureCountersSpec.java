package dev.integrity.scoring.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.scoring.model.AccountFeatures;
import dev.integrity.scoring.stream.InternalFormat;

/** The feature store's counters: what one event adds, what windows read, what is forgotten, and that they survive the store's serde. */
class FeatureCountersSpec {

    private static final Instant T0 = Instant.parse("2026-03-02T10:30:00Z");

    private static AccountEvent event(EventType type, Instant at, String target, String app, String ip, String device) {
        return new AccountEvent(UUID.randomUUID().toString(), type, "a1", at, app, ip, device, target, null, null, null, null);
    }

    private static AccountFeatures derive(FeatureCounters c) {
        return FeatureDerivation.derive("a1", c.latestMs(), c.raw(c.latestMs()));
    }

    @Test
    void eachKindOfEngagementCountsOnceAndThirdPartyAppsAreCountedApart() {
        FeatureCounters c = FeatureCounters.empty()
                .record(event(EventType.FOLLOW, T0, "t1", null, "10.0.0.1", "d1"), null)
                .record(event(EventType.FOLLOW, T0.plusSeconds(10), "t2", "boost", "10.0.0.2", "d1"), "boost")
                .record(event(EventType.LIKE, T0.plusSeconds(20), "t1", "boost", null, null), "boost")
                .record(event(EventType.COMMENT, T0.plusSeconds(30), "t3", null, null, null), null)
                .record(event(EventType.PASSWORD_CHANGED, T0.plusSeconds(40), null, null, "10.0.0.3", "d2"), null);
        AccountFeatures f = derive(c);
        assertEquals(Map.of("F", 2L, "L", 1L, "C", 1L), f.engagement24h());
        assertEquals(Map.of("F", 1L, "L", 1L), f.thirdParty24h());
        assertEquals(Map.of("boost", Map.of("F", 1L, "L", 1L)), f.byApp24h());
        assertEquals(2, f.follows1h());
        assertEquals(3, f.distinctTargets24h(), "t1, t2, t3");
        assertEquals(3, f.distinctIps24h());
        assertEquals(2, f.distinctDevices24h());
        assertEquals(4, f.maxBurst1m(), "four engagements in one minute; a password change is not engagement");
        assertEquals(T0.toEpochMilli(), c.firstSeenMs());
        assertEquals(T0.plusSeconds(40).toEpochMilli(), c.latestMs());
    }

    @Test
    void windowsAreAnchoredAtTheLatestEventAndOldCountersAreForgotten() {
        FeatureCounters c = FeatureCounters.empty();
        for (int i = 0; i < 30; i++) {
            c = c.record(event(EventType.FOLLOW, T0.plusSeconds(i), "old" + i, "boost", null, null), "boost");
        }
        c = c.record(event(EventType.FOLLOW, T0.plusSeconds(25 * 3600), "new", null, null, null), null);
        AccountFeatures f = derive(c);
        assertEquals(Map.of("F", 1L), f.engagement24h(), "the follows of 25 h before the latest event are outside the 24 h window");
        assertEquals(1, f.follows1h());
        assertEquals(31, f.distinctTargets24h(), "distinct targets span the anchor's day and the one before");
        assertTrue(c.minutes().keySet().stream().allMatch(m -> m.endsWith(":F") && Long.parseLong(m.split(":")[0]) > T0.toEpochMilli() / 60_000 + 60),
                "minutes older than the hour before the latest are forgotten: " + c.minutes());
        c = c.record(event(EventType.FOLLOW, T0.plusSeconds(60 * 3600), "later", null, null, null), null);
        assertTrue(c.hours().keySet().stream().noneMatch(h -> h.startsWith(T0.toEpochMilli() / 3_600_000 + ":")), "hours 48 h behind are forgotten");
        assertEquals(2, derive(c).distinctTargets24h(), "a day and a half later: the targets of that day and the one before, not the first day's");
    }

    @Test
    void recentTimesKeepTheLatestFiftyEngagementsAndTheProfileIsTheLatestRecorded() {
        FeatureCounters c = FeatureCounters.empty();
        for (int i = 0; i < 80; i++) {
            c = c.record(event(EventType.LIKE, T0.plusSeconds(60L * i), "t" + i, null, null, null), null);
        }
        assertEquals(FeatureCounters.RECENT, c.recent().size());
        assertEquals(T0.plusSeconds(60L * 79).toEpochMilli(), c.recent().get(0));
        assertNull(c.profile());
        assertEquals(0.0, derive(c).intervalCv(), 1e-9, "a like every minute exactly: no variation");
    }

    @Test
    void theCountersSurviveTheStoresFormatRoundTripAndStayUsable() throws Exception {
        FeatureCounters c = FeatureCounters.empty();
        for (int i = 0; i < 500; i++) {
            c = c.record(event(EventType.FOLLOW, T0.plusSeconds(i), "t" + i, "boost", "10.0.0." + (i % 7), "d" + (i % 3)), "boost");
        }
        byte[] json = InternalFormat.mapper().writeValueAsBytes(c);
        FeatureCounters back = InternalFormat.mapper().readValue(json, FeatureCounters.class);
        assertEquals(derive(c), derive(back));
        long estimate = derive(back).distinctTargets24h();
        assertTrue(Math.abs(estimate - 500) <= 25, "500 distinct targets, estimated within 5%: " + estimate);
        assertTrue(json.length < 6_000, "the counters of 500 follows stay small: " + json.length + " bytes");
        back = back.record(event(EventType.FOLLOW, T0.plusSeconds(600), "t-new", null, "10.0.0.9", null), null);
        assertEquals(8, derive(back).distinctIps24h());
        assertEquals(List.of(), FeatureCounters.empty().recent());
    }
}
