package dev.integrity.contract;

import static dev.integrity.contract.EventType.APP_AUTHORIZED;
import static dev.integrity.contract.EventType.APP_REVOKED;
import static dev.integrity.contract.EventType.COMMENT;
import static dev.integrity.contract.EventType.FOLLOW;
import static dev.integrity.contract.EventType.LIKE;
import static dev.integrity.contract.EventType.LOGIN;
import static dev.integrity.contract.EventType.MEDIA_POSTED;
import static dev.integrity.contract.EventType.PROFILE_SNAPSHOT;
import static dev.integrity.contract.EventType.UNFOLLOW;
import static dev.integrity.contract.EventType.UNLIKE;
import static dev.integrity.contract.Samples.full;
import static dev.integrity.contract.Samples.minimal;
import static dev.integrity.contract.Samples.with;
import static dev.integrity.contract.Samples.without;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every rule of the contract, broken once or more: the event, and the one error it must cause. */
public final class InvalidCases {

    /**
     * @param schemaCanTell false for the rules JSON Schema cannot express (the clock, and
     *                      targetAccountId differing from accountId)
     */
    public record Case(String name, ObjectNode event, String field, String message, boolean schemaCanTell) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final String TYPES = "must be one of FOLLOW, UNFOLLOW, LIKE, UNLIKE, COMMENT, MEDIA_POSTED, LOGIN, "
            + "APP_AUTHORIZED, APP_REVOKED, PASSWORD_CHANGED, PROFILE_SNAPSHOT";
    static final String ACCOUNT_ID = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";
    static final String DATE_TIME = "must be an RFC 3339 date-time with offset, e.g. 2026-11-22T10:15:30Z";
    static final String IP = "must be an IPv4 or IPv6 address literal, e.g. 203.0.113.9 or 2001:db8::1";
    static final String ID_LENGTH = "must be 1 to 128 characters long";
    static final String COUNT = "must be a non-negative integer";

    private final List<Case> cases = new ArrayList<>();

    private InvalidCases() {
    }

    public static List<Case> all() {
        InvalidCases all = new InvalidCases();
        all.eventId();
        all.type();
        all.accountId();
        all.occurredAt();
        all.optionalStrings();
        all.ip();
        all.targetAccountId();
        all.mediaId();
        all.text();
        all.appId();
        all.profile();
        return List.copyOf(all.cases);
    }

    private void add(String name, ObjectNode event, String field, String message) {
        cases.add(new Case(name, event, field, message, true));
    }

    /** The event with {@code field} set to {@code value}: named by the field and {@code what}, failing on the field. */
    private void broken(ObjectNode event, String field, String what, Object value, String message) {
        add(field + " " + what, with(event, field, value), field, message);
    }

    /** The event without {@code field}. */
    private void missing(ObjectNode event, String field, String message) {
        add(field + " missing", without(event, field), field, message);
    }

    private void addBeyondSchema(String name, ObjectNode event, String field, String message) {
        cases.add(new Case(name, event, field, message, false));
    }

    private void eventId() {
        ObjectNode follow = minimal(FOLLOW);
        missing(follow, "eventId", "is required");
        broken(follow, "eventId", "null", null, "is required");
        broken(follow, "eventId", "empty", "", ID_LENGTH);
        broken(follow, "eventId", "of 129 characters", "e".repeat(129), ID_LENGTH);
        broken(follow, "eventId", "a number", 123, "must be a string");
    }

    private void type() {
        ObjectNode login = minimal(LOGIN);
        missing(login, "type", "is required");
        broken(login, "type", "in lower case", "login", TYPES);
        broken(login, "type", "unknown", "SHARE", TYPES);
        broken(login, "type", "a number", 3, TYPES);
    }

    private void accountId() {
        ObjectNode login = minimal(LOGIN);
        missing(login, "accountId", "is required");
        broken(login, "accountId", "empty", "", ACCOUNT_ID);
        broken(login, "accountId", "with a space", "acc 42", ACCOUNT_ID);
        broken(login, "accountId", "with a slash", "acc/42", ACCOUNT_ID);
        broken(login, "accountId", "with a non-ASCII letter", "accé", ACCOUNT_ID);
        broken(login, "accountId", "with a trailing newline", "acc-42\n", ACCOUNT_ID);
        broken(login, "accountId", "of 65 characters", "a".repeat(65), ACCOUNT_ID);
        broken(login, "accountId", "a number", 42, ACCOUNT_ID);
    }

    private void occurredAt() {
        ObjectNode login = minimal(LOGIN);
        missing(login, "occurredAt", "is required");
        broken(login, "occurredAt", "without offset", "2026-11-22T10:15:30", DATE_TIME);
        broken(login, "occurredAt", "without seconds", "2026-11-22T10:15Z", DATE_TIME);
        broken(login, "occurredAt", "a date only", "2026-11-22", DATE_TIME);
        broken(login, "occurredAt", "with a space for T", "2026-11-22 10:15:30Z", DATE_TIME);
        broken(login, "occurredAt", "on 30 February", "2026-02-30T10:15:30Z", DATE_TIME);
        broken(login, "occurredAt", "at hour 24", "2026-11-22T24:00:00Z", DATE_TIME);
        broken(login, "occurredAt", "at second 60", "2026-11-22T10:15:60Z", DATE_TIME);
        broken(login, "occurredAt", "with 10 fractional digits", "2026-11-22T10:15:30.1234567890Z", DATE_TIME);
        broken(login, "occurredAt", "with offset seconds", "2026-11-22T10:15:30+01:00:00", DATE_TIME);
        broken(login, "occurredAt", "at hour 25", "2026-11-22T25:15:30Z", DATE_TIME);
        broken(login, "occurredAt", "with offset +0100", "2026-11-22T10:15:30+0100", DATE_TIME);
        broken(login, "occurredAt", "in epoch seconds", 1795342530, DATE_TIME);
        broken(login, "occurredAt", "in words", "yesterday", DATE_TIME);
        addBeyondSchema("occurredAt 5 minutes and 1 second ahead",
                with(login, "occurredAt", Samples.NOW.plusSeconds(301).toString()),
                "occurredAt", "must not be more than 5 minutes in the future");
    }

    private void optionalStrings() {
        ObjectNode login = minimal(LOGIN);
        broken(login, "clientAppId", "empty", "", ID_LENGTH);
        broken(login, "clientAppId", "of 129 characters", "c".repeat(129), ID_LENGTH);
        broken(login, "clientAppId", "a number", 7, "must be a string");
        broken(login, "deviceId", "empty", "", ID_LENGTH);
        broken(login, "deviceId", "of 129 characters", "d".repeat(129), ID_LENGTH);
        broken(login, "deviceId", "a boolean", true, "must be a string");
    }

    private void ip() {
        ObjectNode login = minimal(LOGIN);
        for (String ip : IpSamples.INVALID) {
            add("ip '" + ip + "'", with(login, "ip", ip), "ip", IP);
        }
        broken(login, "ip", "a number", 3405803785L, IP);
    }

    private void targetAccountId() {
        for (EventType type : List.of(FOLLOW, UNFOLLOW, LIKE, UNLIKE, COMMENT)) {
            add("targetAccountId missing on " + type, without(minimal(type), "targetAccountId"),
                    "targetAccountId", "is required for " + type + " events");
        }
        ObjectNode follow = minimal(FOLLOW);
        broken(follow, "targetAccountId", "null", null, "is required for FOLLOW events");
        broken(follow, "targetAccountId", "with a space", "acc 7", ACCOUNT_ID);
        broken(follow, "targetAccountId", "of 65 characters", "t".repeat(65), ACCOUNT_ID);
        addBeyondSchema("targetAccountId equal to accountId", with(follow, "targetAccountId", "acc-42"),
                "targetAccountId", "must differ from accountId");
    }

    private void mediaId() {
        for (EventType type : List.of(LIKE, UNLIKE, COMMENT, MEDIA_POSTED)) {
            add("mediaId missing on " + type, without(minimal(type), "mediaId"), "mediaId", "is required for " + type + " events");
        }
        ObjectNode like = minimal(LIKE);
        broken(like, "mediaId", "empty", "", ID_LENGTH);
        broken(like, "mediaId", "of 129 characters", "m".repeat(129), ID_LENGTH);
        broken(like, "mediaId", "a number", 1, "must be a string");
    }

    private void text() {
        ObjectNode comment = minimal(COMMENT);
        add("text missing on COMMENT", without(comment, "text"), "text", "is required for COMMENT events");
        broken(comment, "text", "empty", "", "must be 1 to 2200 characters long");
        broken(comment, "text", "of 2201 characters", "x".repeat(2201), "must be 1 to 2200 characters long");
        broken(comment, "text", "of 2201 emoji", "😀".repeat(2201), "must be 1 to 2200 characters long");
        broken(comment, "text", "an array", List.of("hi"), "must be a string");
    }

    private void appId() {
        for (EventType type : List.of(APP_AUTHORIZED, APP_REVOKED)) {
            add("appId missing on " + type, without(minimal(type), "appId"), "appId", "is required for " + type + " events");
        }
        broken(minimal(APP_REVOKED), "appId", "empty", "", ID_LENGTH);
        broken(minimal(APP_REVOKED), "appId", "an object", Map.of("id", "x"), "must be a string");
    }

    private void profile() {
        ObjectNode snapshot = full(PROFILE_SNAPSHOT);
        missing(snapshot, "profile", "is required for PROFILE_SNAPSHOT events");
        broken(snapshot, "profile", "null", null, "is required for PROFILE_SNAPSHOT events");
        broken(snapshot, "profile", "a string", "jane.doe", "must be an object");
        broken(snapshot, "profile", "an array", List.of(), "must be an object");
        for (String name : List.of("username", "fullName", "biography", "hasProfilePicture", "isPrivate",
                "mediaCount", "followerCount", "followingCount")) {
            missing(snapshot, "profile." + name, "is required");
        }
        broken(snapshot, "profile.followerCount", "null", null, "is required");
        broken(snapshot, "profile.username", "empty", "", "must be 1 to 256 characters long");
        add("profile.username of 257 characters", with(snapshot, "profile.username", "u".repeat(257)),
                "profile.username", "must be 1 to 256 characters long");
        add("profile.fullName of 257 characters", with(snapshot, "profile.fullName", "f".repeat(257)),
                "profile.fullName", "must be at most 256 characters long");
        broken(snapshot, "profile.fullName", "a number", 1, "must be a string");
        add("profile.biography of 2201 characters", with(snapshot, "profile.biography", "b".repeat(2201)),
                "profile.biography", "must be at most 2200 characters long");
        broken(snapshot, "profile.externalUrl", "a number", 5, "must be a string");
        add("profile.externalUrl of 2049 characters", with(snapshot, "profile.externalUrl", "h".repeat(2049)),
                "profile.externalUrl", "must be at most 2048 characters long");
        add("profile.hasProfilePicture a string", with(snapshot, "profile.hasProfilePicture", "true"),
                "profile.hasProfilePicture", "must be true or false");
        broken(snapshot, "profile.isPrivate", "a number", 1, "must be true or false");
        broken(snapshot, "profile.mediaCount", "1.5", 1.5, COUNT);
        broken(snapshot, "profile.mediaCount", "\"12\"", "12", COUNT);
        broken(snapshot, "profile.mediaCount", "-1", -1, COUNT);
        add("profile.followerCount 2^63", with(snapshot, "profile.followerCount", BigInteger.TWO.pow(63)),
                "profile.followerCount", "must be at most 9223372036854775807");
        add("profile.followerCount 1e30", with(snapshot, "profile.followerCount", 1e30),
                "profile.followerCount", "must be at most 9223372036854775807");
        broken(snapshot, "profile.followingCount", "a boolean", false, COUNT);
        broken(snapshot, "profile.createdAt", "a date only", "2019-03-01", DATE_TIME);
        broken(snapshot, "profile.createdAt", "a number", 1551427200, DATE_TIME);
    }
}
