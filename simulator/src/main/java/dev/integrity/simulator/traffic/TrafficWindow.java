package dev.integrity.simulator.traffic;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The simulated period: {@code hours} of traffic ending at {@code end} (the run's "now"). */
public record TrafficWindow(Instant start, Instant end) {

    public TrafficWindow {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the traffic window must end after it starts: " + start + " .. " + end);
        }
    }

    public static TrafficWindow endingAt(Instant end, double hours) {
        if (!(hours > 0) || hours > 24 * 14) {
            throw new IllegalArgumentException("--hours must be more than 0 and at most 336, not " + hours);
        }
        Instant e = end.truncatedTo(ChronoUnit.MILLIS);
        return new TrafficWindow(e.minus(Duration.ofMillis(Math.round(hours * 3_600_000))), e);
    }

    public long startMs() {
        return start.toEpochMilli();
    }

    public long endMs() {
        return end.toEpochMilli();
    }

    public double hours() {
        return (endMs() - startMs()) / 3_600_000.0;
    }
}
