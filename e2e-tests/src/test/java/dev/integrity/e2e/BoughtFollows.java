package dev.integrity.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of a bought-follows scenario: {@code bots} accounts follow {@code follows} accounts each
 * through the third-party app {@code followboost}, one of them the small account {@code <p>-t0}, which
 * has one genuine follower ({@code <p>-friend}). The other targets are popular accounts (5,000
 * platform followers), as bought follows are, so removing the bots' follows from them is no purge.
 * Each bot starts a quarter of an hour after the previous one: bought, not coordinated in lockstep.
 * With twelve bots, nine enforcements apply and the guard holds the last three to protect the small
 * account, which would otherwise lose ten of its thirteen followers within a day.
 */
final class BoughtFollows {

    static final String APP = "followboost";

    private BoughtFollows() {
    }

    static String small(String p) {
        return p + "-t0";
    }

    static String bot(String p, int b) {
        return p + "-bot" + b;
    }

    static List<String> events(String p, int bots, int follows, Instant start) {
        List<String> events = new ArrayList<>();
        events.add("""
                {"eventId":"%s-f","type":"FOLLOW","accountId":"%s-friend","occurredAt":"%s","clientAppId":"official-ios","targetAccountId":"%s"}"""
                .formatted(p, p, start.minus(Duration.ofHours(4)), small(p)));
        for (int i = 1; i < follows; i++) {
            events.add("""
                    {"eventId":"%s-pp%d","type":"PROFILE_SNAPSHOT","accountId":"%s-p%d","occurredAt":"%s","profile":{"username":"popular%d",
                     "fullName":"Popular %d","biography":"","externalUrl":null,"hasProfilePicture":true,"isPrivate":false,"mediaCount":300,
                     "followerCount":5000,"followingCount":200}}""".formatted(p, i, p, i, start.minus(Duration.ofHours(4)), i, i));
        }
        for (int b = 0; b < bots; b++) {
            String bot = bot(p, b);
            Instant botStart = start.minus(Duration.ofMinutes(15L * b));
            events.add("""
                    {"eventId":"%s-p","type":"PROFILE_SNAPSHOT","accountId":"%s","occurredAt":"%s","profile":{"username":"%s8391027",
                     "fullName":"","biography":"","externalUrl":null,"hasProfilePicture":false,"isPrivate":false,"mediaCount":0,
                     "followerCount":2,"followingCount":1900}}""".formatted(bot, bot, botStart.minusSeconds(60), bot));
            for (int i = 0; i < follows; i++) {
                String target = i == 0 ? small(p) : p + "-p" + i;
                events.add("""
                        {"eventId":"%s-e%d","type":"FOLLOW","accountId":"%s","occurredAt":"%s","clientAppId":"%s","targetAccountId":"%s"}"""
                        .formatted(bot, i, bot, botStart.plusSeconds(20L * i), APP, target));
            }
        }
        return events;
    }
}
