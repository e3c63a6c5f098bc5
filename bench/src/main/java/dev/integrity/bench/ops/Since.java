package dev.integrity.bench.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --since} value: a time ({@code 2026-12-04T10:15:00Z}, with an offset, or without one in UTC;
 * a date alone is its midnight UTC) or how long ago ({@code 90s}, {@code 15m}, {@code 2h}, {@code 3d}, or
 * an ISO-8601 duration such as {@code PT1H30M}).
 */
public final class Since {

    public static final String FORMATS = "a time (2026-12-04T10:15:00Z, 2026-12-04T10:15, 2026-12-04; UTC unless it says otherwise) "
            + "or how long ago (90s, 15m, 2h, 3d, PT1H30M)";

    private static final Pattern AGO = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d|w)");

    private Since() {
    }

    public static Instant parse(String text, Clock clock) {
        String s = text == null ? "" : text.strip();
        Matcher ago = AGO.matcher(s.toLowerCase(Locale.ROOT));
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration d = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return clock.instant().minus(d);
        }
        if (s.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return clock.instant().minus(d);
                }
            } catch (DateTimeParseException e) {
                // not a duration: reported below
            }
            throw new IllegalArgumentException("--since: '" + text + "' is not " + FORMATS);
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since: '" + text + "' is not " + FORMATS);
        }
    }
}
