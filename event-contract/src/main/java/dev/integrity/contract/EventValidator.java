package dev.integrity.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks untrusted JSON against the v1 event contract and builds the {@link AccountEvent}.
 *
 * <p>It reads the JSON tree itself rather than binding first, so that a value of the wrong JSON
 * type gets a message naming its field, and it reports every broken rule of an event, not only the
 * first. Unknown fields, and fields that do not belong to the event's type, are ignored (and left
 * out of the built event). A JSON null counts as absent. The rules are listed in the module's
 * README.md and mirrored by {@code schema/account-event-v1.schema.json}.
 *
 * <p>Thread-safe.
 */
public final class EventValidator {

    /** The contract's limit on how far in the future {@code occurredAt} may be. */
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(5);

    public static final int MAX_ID_LENGTH = AccountIds.MAX_ID_LENGTH;
    public static final int MAX_TEXT_LENGTH = 2200;
    public static final int MAX_USERNAME_LENGTH = 256;
    public static final int MAX_FULL_NAME_LENGTH = 256;
    public static final int MAX_BIOGRAPHY_LENGTH = 2200;
    public static final int MAX_EXTERNAL_URL_LENGTH = 2048;

    /** The field name used for errors about the event as a whole. */
    public static final String ROOT = "$";

    private static final Pattern RFC_3339 = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

    private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final String REQUIRED = "is required";
    private static final String OPTIONAL = null;
    private static final String ACCOUNT_ID_MESSAGE = "must be " + AccountIds.RULE;
    private static final String DATE_TIME_MESSAGE =
            "must be an RFC 3339 date-time with offset, e.g. 2026-11-22T10:15:30Z";
    private static final String IP_MESSAGE =
            "must be an IPv4 or IPv6 address literal, e.g. 203.0.113.9 or 2001:db8::1";
    private static final String TYPE_MESSAGE = "must be one of "
            + Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final Clock clock;
    private final Duration maxFutureSkew;

    /** The outcome: {@code event} is set exactly when {@code errors} is empty. */
    public record Validation(AccountEvent event, String eventId, List<FieldError> errors) {

        public Validation {
            errors = List.copyOf(errors);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }

        /** Why the event cannot be used, in one line (for a dead letter's reason), or null when it is valid. */
        public String problem() {
            if (isValid()) {
                return null;
            }
            if (errors.size() == 1 && errors.getFirst().field().equals(ROOT) && errors.getFirst().message().startsWith(UNREADABLE)) {
                return errors.getFirst().message();
            }
            return "invalid event: " + errors;
        }
    }

    private static final String UNREADABLE = "unreadable JSON";

    /** A validator with the contract's 5-minute future skew. */
    public EventValidator(Clock clock) {
        this(clock, DEFAULT_MAX_FUTURE_SKEW);
    }

    public EventValidator(Clock clock, Duration maxFutureSkew) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFutureSkew = Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must not be negative: " + maxFutureSkew);
        }
    }

    /** Parses and validates one serialised event, as consumers read it from a topic. */
    public Validation validate(byte[] json) {
        try {
            return validate(EventJson.mapper().readTree(json));
        } catch (java.io.IOException e) {
            return new Validation(null, null, List.of(new FieldError(ROOT, UNREADABLE + ": " + e.getMessage())));
        }
    }

    public Validation validate(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Validation(null, null, List.of(new FieldError(ROOT, "the event must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        Fields in = new Fields(node, "", errors);

        String eventId = in.string("eventId", REQUIRED, 1, MAX_ID_LENGTH);
        EventType type = in.eventType("type");
        String accountId = in.accountId("accountId", REQUIRED);
        Instant occurredAt = notInFuture(in, "occurredAt", in.dateTime("occurredAt", REQUIRED));
        String clientAppId = in.string("clientAppId", OPTIONAL, 1, MAX_ID_LENGTH);
        String ip = in.ip("ip");
        String deviceId = in.string("deviceId", OPTIONAL, 1, MAX_ID_LENGTH);

        String targetAccountId = null;
        String mediaId = null;
        String text = null;
        String appId = null;
        Profile profile = null;
        if (type != null) {
            String ifMissing = "is required for " + type + " events";
            if (type.requiresTarget()) {
                targetAccountId = differentFrom(in, "targetAccountId", in.accountId("targetAccountId", ifMissing), accountId);
            }
            if (type.requiresMedia()) {
                mediaId = in.string("mediaId", ifMissing, 1, MAX_ID_LENGTH);
            }
            if (type.requiresText()) {
                text = in.string("text", ifMissing, 1, MAX_TEXT_LENGTH);
            }
            if (type.requiresAppId()) {
                appId = in.string("appId", ifMissing, 1, MAX_ID_LENGTH);
            }
            if (type.requiresProfile()) {
                profile = profile(in.object("profile", ifMissing));
            }
        }

        if (!errors.isEmpty()) {
            JsonNode rawId = node.get("eventId");
            return new Validation(null, rawId != null && rawId.isTextual() ? rawId.textValue() : null, errors);
        }
        AccountEvent event = new AccountEvent(eventId, type, accountId, occurredAt, clientAppId, ip, deviceId,
                targetAccountId, mediaId, text, appId, profile);
        return new Validation(event, eventId, errors);
    }

    private Instant notInFuture(Fields in, String name, Instant instant) {
        if (instant != null && instant.isAfter(clock.instant().plus(maxFutureSkew))) {
            in.error(name, "must not be more than " + describe(maxFutureSkew) + " in the future");
            return null;
        }
        return instant;
    }

    private static String differentFrom(Fields in, String name, String value, String other) {
        if (value != null && value.equals(other)) {
            in.error(name, "must differ from accountId");
            return null;
        }
        return value;
    }

    private static Profile profile(Fields in) {
        if (in == null) {
            return null;
        }
        int errorsBefore = in.errors.size();
        String username = in.string("username", REQUIRED, 1, MAX_USERNAME_LENGTH);
        String fullName = in.string("fullName", REQUIRED, 0, MAX_FULL_NAME_LENGTH);
        String biography = in.string("biography", REQUIRED, 0, MAX_BIOGRAPHY_LENGTH);
        String externalUrl = in.string("externalUrl", OPTIONAL, 0, MAX_EXTERNAL_URL_LENGTH);
        Boolean hasProfilePicture = in.bool("hasProfilePicture");
        Boolean isPrivate = in.bool("isPrivate");
        Long mediaCount = in.count("mediaCount");
        Long followerCount = in.count("followerCount");
        Long followingCount = in.count("followingCount");
        Instant createdAt = in.dateTime("createdAt", OPTIONAL);
        if (in.errors.size() > errorsBefore) {
            return null;
        }
        return new Profile(username, fullName, biography, externalUrl, hasProfilePicture, isPrivate,
                mediaCount, followerCount, followingCount, createdAt);
    }

    private static String describe(Duration duration) {
        if (duration.toSecondsPart() == 0 && duration.toNanosPart() == 0 && duration.toMinutes() > 0) {
            return duration.toMinutes() == 1 ? "1 minute" : duration.toMinutes() + " minutes";
        }
        return duration.toSeconds() == 1 ? "1 second" : duration.toSeconds() + " seconds";
    }

    /**
     * The fields of one JSON object, read with the contract's rules. Each reader returns the value,
     * or null when it is absent or broke a rule (having recorded the error).
     */
    private static final class Fields {

        private final JsonNode node;
        private final String path;
        private final List<FieldError> errors;

        Fields(JsonNode node, String path, List<FieldError> errors) {
            this.node = node;
            this.path = path;
            this.errors = errors;
        }

        void error(String name, String message) {
            errors.add(new FieldError(path + name, message));
        }

        /** The value, or null when the field is absent or JSON null; records {@code ifMissing} if given. */
        private JsonNode present(String name, String ifMissing) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (ifMissing != null) {
                    error(name, ifMissing);
                }
                return null;
            }
            return value;
        }

        /**
         * The field's value converted by {@code parse}, which returns null when the value breaks the field's rule;
         * that records {@code message}. Null as well when the field is absent (recording {@code ifMissing} if given).
         */
        private <T> T read(String name, String ifMissing, String message, Function<JsonNode, T> parse) {
            JsonNode value = present(name, ifMissing);
            if (value == null) {
                return null;
            }
            T parsed = parse.apply(value);
            if (parsed == null) {
                error(name, message);
            }
            return parsed;
        }

        String string(String name, String ifMissing, int minLength, int maxLength) {
            String text = read(name, ifMissing, "must be a string", value -> value.isTextual() ? value.textValue() : null);
            if (text == null) {
                return null;
            }
            int length = text.codePointCount(0, text.length());
            if (length < minLength || length > maxLength) {
                error(name, minLength == 0
                        ? "must be at most " + maxLength + " characters long"
                        : "must be " + minLength + " to " + maxLength + " characters long");
                return null;
            }
            return text;
        }

        EventType eventType(String name) {
            return read(name, REQUIRED, TYPE_MESSAGE, value -> {
                for (EventType type : EventType.values()) {
                    if (value.isTextual() && type.name().equals(value.textValue())) {
                        return type;
                    }
                }
                return null;
            });
        }

        String accountId(String name, String ifMissing) {
            return read(name, ifMissing, ACCOUNT_ID_MESSAGE, value -> textMatching(value, AccountIds::isValid));
        }

        Instant dateTime(String name, String ifMissing) {
            return read(name, ifMissing, DATE_TIME_MESSAGE, value -> {
                if (value.isTextual() && RFC_3339.matcher(value.textValue()).matches()) {
                    try {
                        return OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                    } catch (DateTimeParseException e) {
                        // the right shape but not a real date or time, e.g. 2026-02-30 or 25:00
                    }
                }
                return null;
            });
        }

        String ip(String name) {
            return read(name, OPTIONAL, IP_MESSAGE, value -> textMatching(value, IpLiterals::isValid));
        }

        Boolean bool(String name) {
            return read(name, REQUIRED, "must be true or false", value -> value.isBoolean() ? value.booleanValue() : null);
        }

        /** A required non-negative integer that fits in a long; 12.0 counts as an integer, as in JSON Schema. */
        Long count(String name) {
            BigDecimal number = read(name, REQUIRED, "must be a non-negative integer",
                    value -> value.isNumber() && value.canConvertToExactIntegral() && value.decimalValue().signum() >= 0
                            ? value.decimalValue() : null);
            if (number == null) {
                return null;
            }
            if (number.compareTo(MAX_COUNT) > 0) { // compared before any conversion: 1e1000000000 stays cheap
                error(name, "must be at most " + Long.MAX_VALUE);
                return null;
            }
            return number.longValueExact();
        }

        /** The nested object's fields, or null when absent or not an object. */
        Fields object(String name, String ifMissing) {
            return read(name, ifMissing, "must be an object",
                    value -> value.isObject() ? new Fields(value, path + name + ".", errors) : null);
        }

        private static String textMatching(JsonNode value, Predicate<String> valid) {
            return value.isTextual() && valid.test(value.textValue()) ? value.textValue() : null;
        }
    }
}
