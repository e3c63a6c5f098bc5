package dev.integrity.scoring.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.contract.Profile;
import dev.integrity.scoring.model.AccountFeatures;

/** Features from raw counters, windows anchored at the account's latest event time. */
class FeatureDerivationSpec {

    private static final long NOW = Instant.parse("2026-11-20T12:30:00Z").toEpochMilli();
    private static final long HOUR = NOW / 3_600_000L;
    private static final long MINUTE = NOW / 60_000L;

    @Test
    void theDayWindowKeepsTheLast24HoursOfCountersByKindAppAndThirdParty() {
        Map<String, Long> hours = Map.of(
                HOUR + ":F", 10L, HOUR + ":F:tp", 8L, HOUR + ":F:app:followboost", 8L,
                (HOUR - 23) + ":L", 5L,
                (HOUR - 24) + ":L", 1000L, // 24 hours ago: outside the window
                (HOUR + 1) + ":C", 7L); // after the latest event: not counted
        AccountFeatures f = FeatureDerivation.derive("a", NOW, raw(hours, Map.of(), List.of()));
        assertEquals(Map.of("F", 10L, "L", 5L), f.engagement24h());
        assertEquals(Map.of("F", 8L), f.thirdParty24h());
        assertEquals(Map.of("followboost", Map.of("F", 8L)), f.byApp24h());
        assertEquals(8.0 / 15, f.thirdPartyShare24h(), 1e-9);
    }

    @Test
    void followsInTheLastHourAndTheLargestMinuteBurst() {
        Map<String, Long> minutes = Map.of(MINUTE + ":F", 30L, (MINUTE - 59) + ":F", 20L, (MINUTE - 60) + ":F", 500L, MINUTE + ":L", 40L);
        AccountFeatures f = FeatureDerivation.derive("a", NOW, raw(Map.of(), minutes, List.of()));
        assertEquals(50, f.follows1h(), "the minute 60 minutes back is outside the hour");
        assertEquals(500, f.maxBurst1m());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void timing(String rule, List<Long> times, double cv) {
        double actual = FeatureDerivation.intervalCv(times);
        if (Double.isNaN(cv)) {
            assertTrue(Double.isNaN(actual));
        } else {
            assertEquals(cv, actual, 1e-9);
        }
    }

    static Stream<Arguments> timing() {
        return Stream.of(Arguments.of("four actions say nothing about timing", List.of(1L, 2L, 3L, 4L), Double.NaN),
                Arguments.of("a machine's exact 20-second rhythm varies by nothing", List.of(0L, 20_000L, 40_000L, 60_000L, 80_000L), 0.0),
                Arguments.of("order does not matter", List.of(80_000L, 0L, 40_000L, 20_000L, 60_000L), 0.0),
                Arguments.of("all at once is a variation of 0", List.of(5L, 5L, 5L, 5L, 5L), 0.0),
                Arguments.of("gaps of 10 and 30 seconds vary by a half", List.of(0L, 10_000L, 40_000L, 50_000L, 80_000L), 0.5));
    }

    @Test
    void theAgeComesFromTheProfileElseFromTheFirstEventSeen() {
        Profile p = new Profile("u", "U", "", null, true, false, 1, 1, 1, Instant.ofEpochMilli(NOW).minusSeconds(10 * 86_400));
        assertEquals(10.0, FeatureDerivation.derive("a", NOW, new RawFeatures(Map.of(), Map.of(), 0, 0, 0, List.of(), p, NOW - 86_400_000L))
                .accountAgeDays(), 1e-9);
        assertEquals(1.0, FeatureDerivation.derive("a", NOW, raw(Map.of(), Map.of(), List.of())).accountAgeDays(), 1e-9);
        assertTrue(Double.isNaN(FeatureDerivation.derive("a", NOW, new RawFeatures(Map.of(), Map.of(), 0, 0, 0, List.of(), null, null))
                .accountAgeDays()));
    }

    private static RawFeatures raw(Map<String, Long> hours, Map<String, Long> minutes, List<Long> recent) {
        return new RawFeatures(hours, minutes, 3, 2, 1, recent, null, NOW - 86_400_000L);
    }
}
