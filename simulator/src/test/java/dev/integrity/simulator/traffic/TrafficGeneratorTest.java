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
import dev.integrity.simulator.model.Crowd;
import dev.integrity.simulator.model.FarmGroup;
import dev.integrity.simulator.model.Population;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
    private static Map<String, Instant> moments;

    @BeforeAll
    static void generate() {
        population = Population.generate(SEED, 800, NOW);
        window = TrafficWindow.endingAt(NOW, 6);
        TrafficGenerator generator = new TrafficGenerator(population, window, new EventIds(SEED));
        events = new ArrayList<>();
        generator.forEachRemaining(events::add);
        assertEquals(events.size(), generator.stats().total());
        moments = generator.crowdMoments();
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
    void aFlashCrowdOfAtLeastAHundredFollowsTheFamousAccountWithinMinutesEvenIn300Accounts() {
        Population small = Population.generate(SEED + 1, 300, NOW);
        TrafficGenerator generator = new TrafficGenerator(small, TrafficWindow.endingAt(NOW, 1), new EventIds(SEED + 1));
        List<AccountEvent> traffic = generator.stream().toList();
        Crowd flash = crowd(small, Crowd.Kind.FLASH);
        Instant moment = generator.crowdMoments().get(flash.id());
        List<Instant> follows = crowdFollows(small, traffic, flash, flash.focus());
        assertTrue(follows.size() >= 100, "a crowd in 300 accounts: " + follows.size() + " fans followed");
        assertWithinMinutes(flash.id(), moment, follows, 9, 4);
    }

    @Test
    void theFlashCrowdFollowsAndLikesTheNewlyFamousAccountWithinMinutesFirstParty() {
        Crowd flash = crowd(population, Crowd.Kind.FLASH);
        Account famous = population.account(flash.focus());
        Set<String> fans = accountIds(flash.members());
        List<Instant> follows = crowdFollows(population, events, flash, flash.focus());
        assertEquals(fans.size(), follows.size(), "every fan follows " + famous.id());
        assertWithinMinutes(flash.id(), moment(flash), follows, 9, 4);

        List<AccountEvent> likes = events.stream().filter(e -> e.type() == EventType.LIKE && fans.contains(e.accountId())
                && famous.id().equals(e.targetAccountId())).toList();
        assertTrue(likes.size() >= fans.size(), "fans like the famous account's posts: " + likes.size());
        likes.forEach(e -> assertTrue(e.mediaId().startsWith(famous.id() + "-p"), "a like names the owner's post: " + e.mediaId()));
        String newest = famous.id() + "-p" + (famous.profile().mediaCount() - 1);
        long onNewest = likes.stream().filter(e -> e.mediaId().equals(newest)).map(AccountEvent::accountId).distinct().count();
        assertTrue(onNewest >= 0.9 * fans.size(), "the post everyone talks about: " + onNewest + " of " + fans.size());
        // the fans' days are otherwise ordinary: most of their engagement is not about the famous account
        long otherEngagement = events.stream().filter(e -> fans.contains(e.accountId()) && e.type().isEngagement()
                && !famous.id().equals(e.targetAccountId())).count();
        assertTrue(otherEngagement > likes.size(), otherEngagement + " other actions vs " + likes.size() + " likes of the famous account");
    }

    @Test
    void theBandsFansFollowEveryMemberWithinMinutesOfTheirOwnMoment() {
        Crowd band = crowd(population, Crowd.Kind.BAND);
        Crowd flash = crowd(population, Crowd.Kind.FLASH);
        assertTrue(Math.abs(Duration.between(moment(flash), moment(band)).toMinutes()) >= 30, "two separate moments");
        for (int member : band.targets()) {
            List<Instant> follows = crowdFollows(population, events, band, member);
            assertTrue(follows.size() >= 0.95 * band.members().size(), population.account(member).id() + ": " + follows.size());
            assertWithinMinutes(band.id(), moment(band), follows, 10, 6); // 6 minutes to react, then 4-5 profiles to go through
        }
    }

    @Test
    void giveawayEntrantsFollowTheSameSponsorsOverAboutAnHourAtAHumanPace() {
        Crowd giveaway = crowd(population, Crowd.Kind.GIVEAWAY);
        Set<String> loop = accountIds(giveaway.targets());
        Set<String> entrants = accountIds(giveaway.members());
        Instant start = moment(giveaway);
        Map<String, List<AccountEvent>> byEntrant = events.stream()
                .filter(e -> e.type() == EventType.FOLLOW && loop.contains(e.targetAccountId()) && entrants.contains(e.accountId()))
                .collect(Collectors.groupingBy(AccountEvent::accountId));
        assertTrue(byEntrant.size() >= 0.95 * giveaway.members().size(),
                byEntrant.size() + " of " + giveaway.members().size() + " entered");
        List<Instant> starts = new ArrayList<>();
        for (Map.Entry<String, List<AccountEvent>> entrant : byEntrant.entrySet()) {
            List<Instant> follows = entrant.getValue().stream().map(AccountEvent::occurredAt).filter(t -> !t.isBefore(start)).toList();
            assertTrue(follows.size() >= loop.size() - 1, entrant.getKey() + " followed " + follows.size() + " of " + loop.size());
            Duration took = Duration.between(follows.getFirst(), follows.getLast());
            assertTrue(took.toMillis() >= 8_000L * (follows.size() - 1), "a person reads each profile: " + entrant.getKey() + " took "
                    + took + " for " + follows.size() + " follows");
            entrant.getValue().forEach(e -> assertFalse(APPS.isThirdParty(e.clientAppId()), e.eventId()));
            starts.add(follows.getFirst());
        }
        starts.sort(Comparator.naturalOrder());
        Duration spread = Duration.between(starts.getFirst(), starts.getLast());
        assertTrue(spread.compareTo(Duration.ofMinutes(20)) >= 0 && spread.compareTo(Duration.ofMinutes(61)) <= 0,
                "entrants arrive over about an hour: " + spread);
        String host = population.account(giveaway.focus()).id();
        long likedPost = events.stream().filter(e -> e.type() == EventType.LIKE && host.equals(e.targetAccountId())
                && byEntrant.containsKey(e.accountId())).map(AccountEvent::accountId).distinct().count();
        assertTrue(likedPost >= 0.9 * byEntrant.size(), "entrants like the giveaway post: " + likedPost);
    }

    @Test
    void exploreLikersHitFarmTargetsInTheFarmsMinutesAsASmallShareOfTheirLikes() {
        Map<String, Set<Long>> farmBuckets = new HashMap<>(); // target -> 10-minute windows in which a farm engaged it
        Set<String> farmAccounts = accountIds(population.accounts().stream().filter(a -> a.archetype() == Archetype.BOT_FARM)
                .map(Account::index).toList());
        for (AccountEvent e : events) {
            if (farmAccounts.contains(e.accountId()) && (e.type() == EventType.LIKE || e.type() == EventType.FOLLOW)) {
                farmBuckets.computeIfAbsent(e.targetAccountId(), k -> new HashSet<>()).add(bucket(e));
            }
        }
        List<Account> likers = population.accounts().stream().filter(a -> a.archetype() == Archetype.EXPLORE_LIKER).toList();
        assertFalse(likers.isEmpty());
        long coLikes = 0;
        long likesInThoseWindows = 0;
        int likersPastTheDetectorsThreshold = 0;
        for (Account liker : likers) {
            List<AccountEvent> likes = events.stream().filter(e -> e.accountId().equals(liker.id()) && e.type() == EventType.LIKE).toList();
            Map<Long, Long> likesPerBucket = likes.stream()
                    .collect(Collectors.groupingBy(TrafficGeneratorTest::bucket, Collectors.counting()));
            Set<Long> coBuckets = new HashSet<>();
            Set<String> farmTargets = new HashSet<>();
            for (AccountEvent like : likes) {
                if (farmBuckets.getOrDefault(like.targetAccountId(), Set.of()).contains(bucket(like))) {
                    coLikes++;
                    coBuckets.add(bucket(like));
                    farmTargets.add(like.targetAccountId());
                }
            }
            likesInThoseWindows += coBuckets.stream().mapToLong(likesPerBucket::get).sum();
            likersPastTheDetectorsThreshold += farmTargets.size() >= 20 ? 1 : 0;
            long owners = likes.stream().map(AccountEvent::targetAccountId).distinct().count();
            if (likes.size() >= 500) {
                assertTrue(owners >= 100, liker.id() + " likes hundreds of accounts' posts, not " + owners);
            }
        }
        double perLiker = events.stream()
                .filter(e -> e.type() == EventType.LIKE && byId.get(e.accountId()).archetype() == Archetype.EXPLORE_LIKER).count()
                / (double) likers.size();
        assertTrue(perLiker > 250, "thousands of likes a day: " + perLiker + " in 6 h");
        assertTrue(likersPastTheDetectorsThreshold >= likers.size() / 4,
                likersPastTheDetectorsThreshold + " of " + likers.size() + " likers met 20+ farm targets in the farms' windows");
        double share = coLikes / (double) likesInThoseWindows;
        assertTrue(share < 0.12, "farm targets are a small share of the likers' likes in those windows: " + coLikes + " of "
                + likesInThoseWindows);
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

    private static long bucket(AccountEvent e) {
        return e.occurredAt().toEpochMilli() / Duration.ofMinutes(10).toMillis();
    }

    private static Crowd crowd(Population p, Crowd.Kind kind) {
        return p.crowds().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " crowd"));
    }

    private static Instant moment(Crowd crowd) {
        return moments.get(crowd.id());
    }

    private static Set<String> accountIds(List<Integer> indices) {
        return indices.stream().map(i -> population.account(i).id()).collect(Collectors.toSet());
    }

    /** When the crowd's members followed the target, each member's first follow, in time order. */
    private static List<Instant> crowdFollows(Population p, List<AccountEvent> traffic, Crowd crowd, int target) {
        Set<String> members = crowd.members().stream().map(i -> p.account(i).id()).collect(Collectors.toSet());
        String targetId = p.account(target).id();
        Map<String, Instant> first = new HashMap<>();
        traffic.stream()
                .filter(e -> e.type() == EventType.FOLLOW && targetId.equals(e.targetAccountId()) && members.contains(e.accountId()))
                .forEach(e -> first.putIfAbsent(e.accountId(), e.occurredAt()));
        return first.values().stream().sorted().toList();
    }

    /**
     * Every follow within {@code allMinutes} of the moment and 80 % within {@code mostMinutes}, but
     * for up to one in twenty that came earlier, in an ordinary session.
     */
    private static void assertWithinMinutes(String crowd, Instant moment, List<Instant> follows, int allMinutes, int mostMinutes) {
        List<Instant> after = follows.stream().filter(t -> !t.isBefore(moment)).toList();
        assertTrue(after.size() >= 0.95 * follows.size(), crowd + ": " + after.size() + " of " + follows.size() + " after the moment");
        Duration last = Duration.between(moment, after.getLast());
        Duration p80 = Duration.between(moment, after.get((int) (after.size() * 0.8)));
        assertTrue(last.compareTo(Duration.ofMinutes(allMinutes)) <= 0, crowd + ": the last follow came " + last + " after the moment");
        assertTrue(p80.compareTo(Duration.ofMinutes(mostMinutes)) <= 0, crowd + ": 80 % within " + p80);
    }
}
