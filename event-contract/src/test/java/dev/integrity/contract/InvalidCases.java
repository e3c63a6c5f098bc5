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

    private void addBeyondSchema(String name, ObjectNode event, String field, String message) {
        cases.add(new Case(name, event, field, message, false));
    }

    private void eventId() {
        ObjectNode follow = minimal(FOLLOW);
        add("eventId missing", without(follow, "eventId"), "eventId", "is required");
        add("eventId null", with(follow, "eventId", null), "eventId", "is required");
        add("eventId empty", with(follow, "eventId", ""), "eventId", ID_LENGTH);
        add("eventId of 129 characters", with(follow, "eventId", "e".repeat(129)), "eventId", ID_LENGTH);
        add("eventId a number", with(follow, "eventId", 123), "eventId", "must be a string");
    }

    private void type() {
        ObjectNode login = minimal(LOGIN);
        add("type missing", without(login, "type"), "type", "is required");
        add("type in lower case", with(login, "type", "login"), "type", TYPES);
        add("type unknown", with(login, "type", "SHARE"), "type", TYPES);
        add("type a number", with(login, "type", 3), "type", TYPES);
    }

    private void accountId() {
        ObjectNode login = minimal(LOGIN);
        add("accountId missing", without(login, "accountId"), "accountId", "is required");
        add("accountId empty", with(login, "accountId", ""), "accountId", ACCOUNT_ID);
        add("accountId with a space", with(login, "accountId", "acc 42"), "accountId", ACCOUNT_ID);
        add("accountId with a slash", with(login, "accountId", "acc/42"), "accountId", ACCOUNT_ID);
        add("accountId with a non-ASCII letter", with(login, "accountId", "accé"), "accountId", ACCOUNT_ID);
        add("accountId with a trailing newline", with(login, "accountId", "acc-42\n"), "accountId", ACCOUNT_ID);
        add("accountId of 65 characters", with(login, "accountId", "a".repeat(65)), "accountId", ACCOUNT_ID);
        add("accountId a number", with(login, "accountId", 42), "accountId", ACCOUNT_ID);
    }

    private void occurredAt() {
        ObjectNode login = minimal(LOGIN);
        add("occurredAt missing", without(login, "occurredAt"), "occurredAt", "is required");
        add("occurredAt without offset", with(login, "occurredAt", "2026-11-22T10:15:30"), "occurredAt", DATE_TIME);
        add("occurredAt without seconds", with(login, "occurredAt", "2026-11-22T10:15Z"), "occurredAt", DATE_TIME);
        add("occurredAt a date only", with(login, "occurredAt", "2026-11-22"), "occurredAt", DATE_TIME);
        add("occurredAt with a space for T", with(login, "occurredAt", "2026-11-22 10:15:30Z"), "occurredAt", DATE_TIME);
        add("occurredAt on 30 February", with(login, "occurredAt", "2026-02-30T10:15:30Z"), "occurredAt", DATE_TIME);
        add("occurredAt at hour 24", with(login, "occurredAt", "2026-11-22T24:00:00Z"), "occurredAt", DATE_TIME);
        add("occurredAt at second 60", with(login, "occurredAt", "2026-11-22T10:15:60Z"), "occurredAt", DATE_TIME);
        add("occurredAt with 10 fractional digits", with(login, "occurredAt", "2026-11-22T10:15:30.1234567890Z"), "occurredAt", DATE_TIME);
        add("occurredAt with offset seconds", with(login, "occurredAt", "2026-11-22T10:15:30+01:00:00"), "occurredAt", DATE_TIME);
        add("occurredAt at hour 25", with(login, "occurredAt", "2026-11-22T25:15:30Z"), "occurredAt", DATE_TIME);
        add("occurredAt with offset +0100", with(login, "occurredAt", "2026-11-22T10:15:30+0100"), "occurredAt", DATE_TIME);
        add("occurredAt in epoch seconds", with(login, "occurredAt", 1795342530), "occurredAt", DATE_TIME);
        add("occurredAt in words", with(login, "occurredAt", "yesterday"), "occurredAt", DATE_TIME);
        addBeyondSchema("occurredAt 5 minutes and 1 second ahead",
                with(login, "occurredAt", Samples.NOW.plusSeconds(301).toString()),
                "occurredAt", "must not be more than 5 minutes in the future");
    }

    private void optionalStrings() {
        ObjectNode login = minimal(LOGIN);
        add("clientAppId empty", with(login, "clientAppId", ""), "clientAppId", ID_LENGTH);
        add("clientAppId of 129 characters", with(login, "clientAppId", "c".repeat(129)), "clientAppId", ID_LENGTH);
        add("clientAppId a number", with(login, "clientAppId", 7), "clientAppId", "must be a string");
        add("deviceId empty", with(login, "deviceId", ""), "deviceId", ID_LENGTH);
        add("deviceId of 129 characters", with(login, "deviceId", "d".repeat(129)), "deviceId", ID_LENGTH);
        add("deviceId a boolean", with(login, "deviceId", true), "deviceId", "must be a string");
    }

    private void ip() {
        ObjectNode login = minimal(LOGIN);
        for (String ip : IpSamples.INVALID) {
            add("ip '" + ip + "'", with(login, "ip", ip), "ip", IP);
        }
        add("ip a number", with(login, "ip", 3405803785L), "ip", IP);
    }

    private void targetAccountId() {
        for (EventType type : List.of(FOLLOW, UNFOLLOW, LIKE, UNLIKE, COMMENT)) {
            add("targetAccountId missing on " + type, without(minimal(type), "targetAccountId"),
                    "targetAccountId", "is required for " + type + " events");
        }
        ObjectNode follow = minimal(FOLLOW);
        add("targetAccountId null", with(follow, "targetAccountId", null), "targetAccountId", "is required for FOLLOW events");
        add("targetAccountId with a space", with(follow, "targetAccountId", "acc 7"), "targetAccountId", ACCOUNT_ID);
        add("targetAccountId of 65 characters", with(follow, "targetAccountId", "t".repeat(65)), "targetAccountId", ACCOUNT_ID);
        addBeyondSchema("targetAccountId equal to accountId", with(follow, "targetAccountId", "acc-42"),
                "targetAccountId", "must differ from accountId");
    }

    private void mediaId() {
        for (EventType type : List.of(LIKE, UNLIKE, COMMENT, MEDIA_POSTED)) {
            add("mediaId missing on " + type, without(minimal(type), "mediaId"), "mediaId", "is required for " + type + " events");
        }
        ObjectNode like = minimal(LIKE);
        add("mediaId empty", with(like, "mediaId", ""), "mediaId", ID_LENGTH);
        add("mediaId of 129 characters", with(like, "mediaId", "m".repeat(129)), "mediaId", ID_LENGTH);
        add("mediaId a number", with(like, "mediaId", 1), "mediaId", "must be a string");
    }

    private void text() {
        ObjectNode comment = minimal(COMMENT);
        add("text missing on COMMENT", without(comment, "text"), "text", "is required for COMMENT events");
        add("text empty", with(comment, "text", ""), "text", "must be 1 to 2200 characters long");
        add("text of 2201 characters", with(comment, "text", "x".repeat(2201)), "text", "must be 1 to 2200 characters long");
        add("text of 2201 emoji", with(comment, "text", "😀".repeat(2201)), "text", "must be 1 to 2200 characters long");
        add("text an array", with(comment, "text", List.of("hi")), "text", "must be a string");
    }

    private void appId() {
        for (EventType type : List.of(APP_AUTHORIZED, APP_REVOKED)) {
            add("appId missing on " + type, without(minimal(type), "appId"), "appId", "is required for " + type + " events");
        }
        add("appId empty", with(minimal(APP_REVOKED), "appId", ""), "appId", ID_LENGTH);
        add("appId an object", with(minimal(APP_REVOKED), "appId", Map.of("id", "x")), "appId", "must be a string");
    }

    private void profile() {
        ObjectNode snapshot = full(PROFILE_SNAPSHOT);
        add("profile missing", without(snapshot, "profile"), "profile", "is required for PROFILE_SNAPSHOT events");
        add("profile null", with(snapshot, "profile", null), "profile", "is required for PROFILE_SNAPSHOT events");
        add("profile a string", with(snapshot, "profile", "jane.doe"), "profile", "must be an object");
        add("profile an array", with(snapshot, "profile", List.of()), "profile", "must be an object");
        for (String name : List.of("username", "fullName", "biography", "hasProfilePicture", "isPrivate",
                "mediaCount", "followerCount", "followingCount")) {
            add("profile." + name + " missing", without(snapshot, "profile." + name), "profile." + name, "is required");
        }
        add("profile.followerCount null", with(snapshot, "profile.followerCount", null), "profile.followerCount", "is required");
        add("profile.username empty", with(snapshot, "profile.username", ""), "profile.username", "must be 1 to 256 characters long");
        add("profile.username of 257 characters", with(snapshot, "profile.username", "u".repeat(257)),
                "profile.username", "must be 1 to 256 characters long");
        add("profile.fullName of 257 characters", with(snapshot, "profile.fullName", "f".repeat(257)),
                "profile.fullName", "must be at most 256 characters long");
        add("profile.fullName a number", with(snapshot, "profile.fullName", 1), "profile.fullName", "must be a string");
        add("profile.biography of 2201 characters", with(snapshot, "profile.biography", "b".repeat(2201)),
                "profile.biography", "must be at most 2200 characters long");
        add("profile.externalUrl a number", with(snapshot, "profile.externalUrl", 5), "profile.externalUrl", "must be a string");
        add("profile.externalUrl of 2049 characters", with(snapshot, "profile.externalUrl", "h".repeat(2049)),
                "profile.externalUrl", "must be at most 2048 characters long");
        add("profile.hasProfilePicture a string", with(snapshot, "profile.hasProfilePicture", "true"),
                "profile.hasProfilePicture", "must be true or false");
        add("profile.isPrivate a number", with(snapshot, "profile.isPrivate", 1), "profile.isPrivate", "must be true or false");
        add("profile.mediaCount 1.5", with(snapshot, "profile.mediaCount", 1.5), "profile.mediaCount", COUNT);
        add("profile.mediaCount \"12\"", with(snapshot, "profile.mediaCount", "12"), "profile.mediaCount", COUNT);
        add("profile.mediaCount -1", with(snapshot, "profile.mediaCount", -1), "profile.mediaCount", COUNT);
        add("profile.followerCount 2^63", with(snapshot, "profile.followerCount", BigInteger.TWO.pow(63)),
                "profile.followerCount", "must be at most 9223372036854775807");
        add("profile.followerCount 1e30", with(snapshot, "profile.followerCount", 1e30),
                "profile.followerCount", "must be at most 9223372036854775807");
        add("profile.followingCount a boolean", with(snapshot, "profile.followingCount", false), "profile.followingCount", COUNT);
        add("profile.createdAt a date only", with(snapshot, "profile.createdAt", "2019-03-01"), "profile.createdAt", DATE_TIME);
        add("profile.createdAt a number", with(snapshot, "profile.createdAt", 1551427200), "profile.createdAt", DATE_TIME);
    }
}
