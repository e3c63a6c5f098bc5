package dev.integrity.contract;

import static dev.integrity.contract.EventType.COMMENT;
import static dev.integrity.contract.EventType.FOLLOW;
import static dev.integrity.contract.EventType.LOGIN;
import static dev.integrity.contract.EventType.PROFILE_SNAPSHOT;
import static dev.integrity.contract.Samples.full;
import static dev.integrity.contract.Samples.minimal;
import static dev.integrity.contract.Samples.with;
import static dev.integrity.contract.Samples.without;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Events the contract accepts, none of them depending on the clock. */
public final class ValidCases {

    record Case(String name, ObjectNode event) {

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Case> cases = new ArrayList<>();

    private ValidCases() {
    }

    static List<Case> all() {
        ValidCases all = new ValidCases();
        all.everyType();
        all.dateTimes();
        all.ips();
        all.optionalFields();
        all.ignoredFields();
        all.limits();
        all.profiles();
        return List.copyOf(all.cases);
    }

    private void add(String name, ObjectNode event) {
        cases.add(new Case(name, event));
    }

    private void everyType() {
        for (EventType type : EventType.values()) {
            add(type + " with required fields only", minimal(type));
            add(type + " with every field", full(type));
        }
    }

    private void dateTimes() {
        for (String occurredAt : List.of(
                "2026-11-22T10:15:30.123456789Z",
                "2026-11-22T10:15:30.5Z",
                "2026-11-22T11:15:30+01:00",
                "2026-11-22T04:45:30-05:30",
                "2026-11-22t10:15:30z",
                "2024-02-29T00:00:00Z",
                "1999-12-31T23:59:59+00:00")) {
            add("occurredAt " + occurredAt, with(minimal(LOGIN), "occurredAt", occurredAt));
        }
    }

    private void ips() {
        for (String ip : IpSamples.VALID) {
            add("ip " + ip, with(minimal(LOGIN), "ip", ip));
        }
    }

    private void optionalFields() {
        ObjectNode login = full(LOGIN);
        for (String name : List.of("clientAppId", "ip", "deviceId")) {
            add(name + " null", with(login, name, null));
            add(name + " absent", without(login, name));
        }
        add("first-party clientAppId", with(login, "clientAppId", "official-ios"));
    }

    private void ignoredFields() {
        add("unknown fields", with(with(minimal(FOLLOW), "schemaVersion", 1), "extra", Map.of("any", List.of(1, "two"))));
        ObjectNode followWithJunk = minimal(FOLLOW);
        followWithJunk.put("text", 5).put("mediaId", "").put("profile", "x").putArray("appId");
        add("fields of other types on FOLLOW", followWithJunk);
        add("targetAccountId equal to accountId on LOGIN", with(minimal(LOGIN), "targetAccountId", "acc-42"));
        add("broken profile on LOGIN", with(minimal(LOGIN), "profile", Map.of("mediaCount", -1)));
    }

    private void limits() {
        add("eventId of 1 character", with(minimal(LOGIN), "eventId", "e"));
        add("eventId of 128 characters", with(minimal(LOGIN), "eventId", "e".repeat(128)));
        add("accountId of 64 characters", with(minimal(LOGIN), "accountId", "a".repeat(64)));
        add("accountId of every allowed character", with(minimal(LOGIN), "accountId", "Az09._-"));
        add("text of 1 character", with(minimal(COMMENT), "text", "!"));
        add("text of 2200 emoji", with(minimal(COMMENT), "text", "😀".repeat(2200)));
        add("clientAppId of 128 characters", with(minimal(LOGIN), "clientAppId", "c".repeat(128)));
    }

    private void profiles() {
        ObjectNode snapshot = full(PROFILE_SNAPSHOT);
        add("profile.externalUrl absent", without(snapshot, "profile.externalUrl"));
        add("profile.externalUrl empty", with(snapshot, "profile.externalUrl", ""));
        add("profile.createdAt absent", without(snapshot, "profile.createdAt"));
        add("profile.createdAt null", with(snapshot, "profile.createdAt", null));
        add("profile.fullName and biography empty", with(with(snapshot, "profile.fullName", ""), "profile.biography", ""));
        add("profile.username of 256 characters", with(snapshot, "profile.username", "u".repeat(256)));
        add("profile.biography of 2200 characters", with(snapshot, "profile.biography", "b".repeat(2200)));
        add("profile counts zero", with(with(with(snapshot, "profile.mediaCount", 0), "profile.followerCount", 0),
                "profile.followingCount", 0));
        add("profile.followerCount the largest long", with(snapshot, "profile.followerCount", Long.MAX_VALUE));
        add("profile.mediaCount 12.0", with(snapshot, "profile.mediaCount", 12.0));
        add("profile with unknown fields", with(snapshot, "profile.verified", true));
    }
}
