package dev.integrity.bench.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SinceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void howLongAgo() {
        assertEquals(Instant.parse("2026-12-04T11:58:30Z"), Since.parse("90s", clock));
        assertEquals(Instant.parse("2026-12-04T11:45:00Z"), Since.parse("15m", clock));
        assertEquals(Instant.parse("2026-12-04T10:00:00Z"), Since.parse("2h", clock));
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), Since.parse("3d", clock));
        assertEquals(Instant.parse("2026-11-27T12:00:00Z"), Since.parse("1w", clock));
        assertEquals(Instant.parse("2026-12-04T10:30:00Z"), Since.parse("PT1H30M", clock));
        assertEquals(Instant.parse("2026-12-03T12:00:00Z"), Since.parse("p1d", clock));
    }

    @Test
    void aTimeOrADate() {
        assertEquals(Instant.parse("2026-12-04T10:15:00Z"), Since.parse("2026-12-04T10:15:00Z", clock));
        assertEquals(Instant.parse("2026-12-04T09:15:00Z"), Since.parse("2026-12-04T10:15:00+01:00", clock));
        assertEquals(Instant.parse("2026-12-04T10:15:00Z"), Since.parse("2026-12-04T10:15", clock), "UTC without an offset");
        assertEquals(Instant.parse("2026-12-04T00:00:00Z"), Since.parse("2026-12-04", clock));
    }

    @Test
    void anythingElseSaysWhatItTakes() {
        for (String bad : new String[] {"", "yesterday", "5 parsecs", "P-1D", "2026-13-01", "-5m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Since.parse(bad, clock), bad);
            assertEquals("--since: '" + bad + "' is not " + Since.FORMATS, e.getMessage());
        }
    }
}
