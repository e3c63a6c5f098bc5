package dev.integrity.simulator.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.AppClassifier;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.EventType;
import dev.integrity.contract.EventValidator;
import dev.integrity.simulator.model.Account;
import dev.integrity.simulator.model.Archetype;
import dev.integrity.simulator.model.FarmGroup;
import dev.integrity.simulator.model.Population;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {

    private static final long SEED = 2026;
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final AppClassifier APPS = AppClassifier.defaults();

    private static Population population;
    private static TrafficWindow window;
    private static List<AccountEvent> events;
    private static Map<String, Account> byId;

    @BeforeAll
    static void generate() {
        population = Population.generate(SEED, 800, NOW);
        window = TrafficWindow.endingAt(NOW, 6);
        TrafficGenerator generator = new TrafficGenerator(population, window, new EventIds(SEED));
        events = new ArrayList<>();
        generator.forEachRemaining(events::add);
        assertEquals(events.size(), generator.stats().total());
        byId = population.accounts().stream().collect(Collectors.toMap(Account::id, a -> a));
    }

    @Test
    void everyEventPassesTheContractsValidator() throws IOException {
        EventValidator validator = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC));
        for (AccountEvent event : events) {
            JsonNode json = EventJson.mapper().readTree(EventJson.toBytes(event));
            EventValidator.Validation v = validator.validate(json);
            assertTrue(v.isValid(), () -> v.errors() + " in " + EventJson.toJson(event));
            assertEquals(event, v.event(), "nothing is lost on the way through JSON");
        }
    }

    @Test
    void idsAreUniqueAndNumberedInOrder() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            assertEquals("sim-" + SEED + "-" + (i + 1), events.get(i).eventId());
            assertTrue(ids.add(events.get(i).eventId()));
        }
    }

    @Test
    void eventsAreInTimeOrderWithinTheWindowAndNeverInTheFuture() {
        Instant previous = Instant.MIN;
        for (AccountEvent e : events) {
            assertFalse(e.occurredAt().isBefore(previous), "global time order at " + e.eventId());
            assertFalse(e.occurredAt().isBefore(window.start()), e.eventId());
            assertFalse(e.occurredAt().isAfter(NOW), e.eventId());
            previous = e.occurredAt();
        }
    }

    @Test
    void eachAccountStartsWithItsProfileSnapshotAndActsInTimeOrder() {
        Map<String, List<AccountEvent>> perAccount = events.stream().collect(Collectors.groupingBy(AccountEvent::accountId));
        assertEquals(population.size(), perAccount.size(), "every account appears");
        for (Map.Entry<String, List<AccountEvent>> entry : perAccount.entrySet()) {
            List<AccountEvent> own = entry.getValue();
            assertEquals(EventType.PROFILE_SNAPSHOT, own.getFirst().type(), entry.getKey());
            assertEquals(byId.get(entry.getKey()).profile(), own.getFirst().profile());
            assertEquals(1, own.stream().filter(e -> e.type() == EventType.PROFILE_SNAPSHOT).count());
            for (int i = 1; i < own.size(); i++) {
                assertTrue(own.get(i).occurredAt().isAfter(own.getFirst().occurredAt()), "activity after the snapshot");
                assertFalse(own.get(i).occurredAt().isBefore(own.get(i - 1).occurredAt()), entry.getKey() + " at " + own.get(i).eventId());
            }
        }
    }

    @Test
    void theSameSeedAndClockGiveTheSameTraffic() {
        List<AccountEvent> again = new TrafficGenerator(Population.generate(SEED, 800, NOW), window, new EventIds(SEED)).stream().toList();
        assertEquals(events, again);
    }

    @Test
    void farmMembersFollowAndLikeTheSameTargetsWithinMinutes() {
        for (FarmGroup farm : population.farms()) {
            Set<String> members = farm.members().stream().map(i -> population.account(i).id()).collect(Collectors.toSet());
            Map<String, List<AccountEvent>> byTarget = events.stream()
                    .filter(e -> members.contains(e.accountId()) && (e.type() == EventType.FOLLOW || e.type() == EventType.LIKE))
                    .collect(Collectors.groupingBy(AccountEvent::targetAccountId));
            int sharedTargets = 0;
            for (Map.Entry<String, List<AccountEvent>> t : byTarget.entrySet()) {
                Set<String> actors = t.getValue().stream().map(AccountEvent::accountId).collect(Collectors.toSet());
                if (actors.size() >= 0.7 * members.size()) {
                    sharedTargets++;
                    Instant first = t.getValue().stream().map(AccountEvent::occurredAt).min(Instant::compareTo).orElseThrow();
                    Instant last = t.getValue().stream().map(AccountEvent::occurredAt).max(Instant::compareTo).orElseThrow();
                    assertTrue(Duration.between(first, last).compareTo(Duration.ofMinutes(6)) <= 0,
                            farm.id() + " on " + t.getKey() + " took " + Duration.between(first, last));
                }
            }
            assertTrue(sharedTargets >= 30, farm.id() + " shares only " + sharedTargets + " targets");
            for (int customer : farm.customers()) {
                String target = population.account(customer).id();
                Set<String> followers = events.stream().filter(e -> e.type() == EventType.FOLLOW && target.equals(e.targetAccountId())
                        && members.contains(e.accountId())).map(AccountEvent::accountId).collect(Collectors.toSet());
                assertEquals(members, followers, "every member of " + farm.id() + " delivers the follow " + target + " paid for");
            }
            Set<String> claimed = events.stream().filter(e -> members.contains(e.accountId()) && e.type() != EventType.PROFILE_SNAPSHOT)
                    .map(AccountEvent::clientAppId).collect(Collectors.toSet());
            assertEquals(Set.of(farm.claimedApp()), claimed);
        }
    }

    @Test
    void boughtFollowersInTheTruthAreTheFarmFollowsReceived() {
        Set<String> farmAccounts = population.accounts().stream().filter(a -> a.archetype() == Archetype.BOT_FARM).map(Account::id)
                .collect(Collectors.toSet());
        Map<String, Set<String>> farmFollowers = new HashMap<>();
        events.stream().filter(e -> e.type() == EventType.FOLLOW && farmAccounts.contains(e.accountId()))
                .forEach(e -> farmFollowers.computeIfAbsent(e.targetAccountId(), k -> new HashSet<>()).add(e.accountId()));
        for (Account a : population.accounts()) {
            if (a.boughtFollowers() > 0) {
                assertEquals(a.boughtFollowers(), farmFollowers.getOrDefault(a.id(), Set.of()).size(), a.id());
            }
        }
    }

    @Test
    void genuineAccountsEngageOnlyFirstPartyAndSchedulersOnlyPostThroughTheirApp() {
        for (AccountEvent e : events) {
            Account a = byId.get(e.accountId());
            if (a.inauthentic() || !e.type().isEngagement()) {
                continue;
            }
            assertFalse(APPS.isThirdParty(e.clientAppId()), e.eventId() + " by " + a.archetype() + " via " + e.clientAppId());
        }
        long scheduled = events.stream().filter(e -> e.type() == EventType.MEDIA_POSTED && "buffer-scheduler".equals(e.clientAppId()))
                .count();
        assertTrue(scheduled > 0);
        events.stream().filter(e -> "buffer-scheduler".equals(e.clientAppId()))
                .forEach(e -> assertEquals(EventType.MEDIA_POSTED, e.type(), e.eventId()));
        assertTrue(events.stream().anyMatch(e -> e.type() == EventType.APP_AUTHORIZED && "buffer-scheduler".equals(e.appId())
                && byId.get(e.accountId()).archetype() == Archetype.SCHEDULER_USER));
    }

    @Test
    void buyersEngageHundredsOfTimesMostlyThroughTheirApp() {
        Map<String, long[]> counts = new HashMap<>(); // through the app, all engagement
        for (AccountEvent e : events) {
            Account a = byId.get(e.accountId());
            if (a.archetype().isBuyer() && e.type().isEngagement()) {
                long[] c = counts.computeIfAbsent(a.id(), k -> new long[2]);
                c[0] += a.app().equals(e.clientAppId()) ? 1 : 0;
                c[1]++;
            }
        }
        assertFalse(counts.isEmpty());
        counts.forEach((id, c) -> {
            assertTrue(c[0] >= 150, id + " made only " + c[0] + " actions through its app in 6 h");
            assertTrue(c[0] > 0.8 * c[1], id + ": " + c[0] + " of " + c[1]);
        });
    }

    @Test
    void heavyEngagersLikeFarMoreThanOrdinaryUsers() {
        Map<Archetype, Double> likesPerAccount = new HashMap<>();
        for (Archetype archetype : List.of(Archetype.GENUINE, Archetype.HEAVY_ENGAGER)) {
            long accounts = population.accounts().stream().filter(a -> a.archetype() == archetype).count();
            long likes = events.stream().filter(e -> e.type() == EventType.LIKE && byId.get(e.accountId()).archetype() == archetype).count();
            likesPerAccount.put(archetype, likes / (double) accounts);
        }
        // "thousands a day": at least 250 in 6 hours on average
        assertTrue(likesPerAccount.get(Archetype.HEAVY_ENGAGER) > 250, likesPerAccount.toString());
        assertTrue(likesPerAccount.get(Archetype.GENUINE) < 40, likesPerAccount.toString());
    }

    @Test
    void unfollowsAndUnlikesUndoSomethingTheAccountDid() {
        Map<String, Set<String>> followed = new HashMap<>();
        Map<String, Set<String>> liked = new HashMap<>();
        int unfollows = 0;
        for (AccountEvent e : events) {
            switch (e.type()) {
                case FOLLOW -> followed.computeIfAbsent(e.accountId(), k -> new HashSet<>()).add(e.targetAccountId());
                case LIKE -> liked.computeIfAbsent(e.accountId(), k -> new HashSet<>()).add(e.mediaId());
                case UNFOLLOW -> {
                    unfollows++;
                    assertTrue(followed.getOrDefault(e.accountId(), Set.of()).remove(e.targetAccountId()), e.eventId());
                }
                case UNLIKE -> assertTrue(liked.getOrDefault(e.accountId(), Set.of()).contains(e.mediaId()), e.eventId());
                default -> {
                }
            }
        }
        assertTrue(unfollows > 0);
    }

    @Test
    void aShortWindowStillWorks() {
        TrafficWindow tiny = TrafficWindow.endingAt(NOW, 0.05);
        List<AccountEvent> few = new TrafficGenerator(population, tiny, new EventIds(1)).stream().toList();
        assertTrue(few.size() > population.size());
        few.forEach(e -> assertFalse(e.occurredAt().isAfter(NOW) || e.occurredAt().isBefore(tiny.start())));
        assertNotNull(few.getLast());
    }
}
