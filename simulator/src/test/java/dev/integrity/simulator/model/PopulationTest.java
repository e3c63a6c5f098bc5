package dev.integrity.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.contract.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PopulationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Test
    void theSameSeedGivesTheSamePopulation() {
        Population a = Population.generate(7, 1_000, NOW);
        Population b = Population.generate(7, 1_000, NOW);
        assertEquals(a.truth(), b.truth());
        assertEquals(a.accounts(), b.accounts());
        assertEquals(a.farms(), b.farms());
        assertEquals(a.rings(), b.rings());
    }

    @Test
    void anotherSeedGivesAnotherPopulation() {
        Population a = Population.generate(7, 1_000, NOW);
        Population b = Population.generate(8, 1_000, NOW);
        assertNotEquals(a.accounts().stream().map(Account::archetype).toList(), b.accounts().stream().map(Account::archetype).toList());
        assertNotEquals(a.accounts().get(0).profile(), b.accounts().get(0).profile());
    }

    @Test
    void archetypeSharesAreKept() {
        double total = Arrays.stream(Archetype.values()).mapToDouble(Archetype::share).sum();
        assertEquals(1.0, total, 1e-9, "shares add up to 1");
        for (int n : List.of(10, 137, 300, 2_000, 10_001)) {
            Map<Archetype, Integer> counts = Population.generate(3, n, NOW).counts();
            assertEquals(n, counts.values().stream().mapToInt(Integer::intValue).sum());
            for (Archetype a : Archetype.values()) {
                if (a.minimum() == 0 && a != Archetype.GENUINE) {
                    assertTrue(Math.abs(counts.get(a) - a.share() * n) < 1.0 + 1e-9, a + " in " + n + ": " + counts.get(a));
                } else if (a.minimum() > 0) {
                    assertTrue(counts.get(a) >= Math.floor(a.share() * n), a + " in " + n + ": " + counts.get(a));
                }
            }
            // the floors come out of GENUINE, but never more than half of it
            assertTrue(counts.get(Archetype.GENUINE) >= Math.floor(Archetype.GENUINE.share() * n) / 2 - 1, n + ": " + counts);
            assertEquals(ArchetypeCounts.of(n), counts);
        }
    }

    @Test
    void lookalikeCrowdsAreHundredsAndAtLeastTheirFloorInSmallPopulations() {
        Map<Archetype, Integer> small = ArchetypeCounts.of(300);
        assertEquals(100, small.get(Archetype.FLASH_CROWD_FAN), small.toString());
        assertEquals(30, small.get(Archetype.GIVEAWAY_ENTRANT), small.toString());
        assertTrue(small.get(Archetype.EXPLORE_LIKER) >= 5, small.toString());
        assertTrue(small.get(Archetype.GENUINE) >= 60, "ordinary users remain: " + small);
        assertEquals(200, ArchetypeCounts.of(1_000).get(Archetype.FLASH_CROWD_FAN));
        Map<Archetype, Integer> demo = ArchetypeCounts.of(2_000);
        assertEquals(400, demo.get(Archetype.FLASH_CROWD_FAN));
        assertEquals(40, demo.get(Archetype.EXPLORE_LIKER));
        assertEquals(80, demo.get(Archetype.GIVEAWAY_ENTRANT));
        assertEquals(880, demo.get(Archetype.GENUINE));
        for (Archetype a : Archetype.values()) {
            if (a.isLookalike()) {
                assertEquals(0, a.label(), a + " is genuine");
                assertTrue(a.minimum() > 0, a + " has a floor");
            }
        }
    }

    @Test
    void crowdsGatherTheLookalikesAroundPublicAccountsWithPosts() {
        Population p = Population.generate(21, 300, NOW);
        Crowd flash = crowd(p, "flash-1");
        Crowd band = crowd(p, "band-1");
        Crowd giveaway = crowd(p, "giveaway-1");
        assertEquals(Crowd.Kind.FLASH, flash.kind());
        assertEquals(ids(p, Archetype.FLASH_CROWD_FAN), Set.copyOf(flash.members()), "every fan is in the flash crowd");
        assertTrue(flash.members().size() >= 100, "a crowd of " + flash.members().size());
        assertEquals(1, flash.targets().size());
        assertEquals(Archetype.GENUINE, p.account(flash.focus()).archetype(), "the newly famous account was an ordinary user");
        assertTrue(band.targets().size() >= 4 && band.targets().size() <= 5, band.targets().toString());
        assertTrue(flash.members().containsAll(band.members()) && band.members().size() >= 8, "the band's fans are flash fans");
        assertEquals(ids(p, Archetype.GIVEAWAY_ENTRANT), Set.copyOf(giveaway.members()));
        assertTrue(giveaway.targets().size() >= 10 && giveaway.targets().size() <= 12, "host and 9-11 sponsors: " + giveaway.targets());

        Set<Integer> targets = new HashSet<>();
        for (Crowd c : p.crowds()) {
            for (int t : c.targets()) {
                assertTrue(targets.add(t), "a target serves one crowd: " + t);
                Account a = p.account(t);
                assertFalse(a.archetype().inauthentic() || a.archetype().isLookalike(), a.id() + " " + a.archetype());
                assertTrue(!a.profile().isPrivate() && a.profile().mediaCount() >= 3, a.id() + " has posts to like");
            }
        }
        for (int fan : flash.members()) {
            Account a = p.account(fan);
            assertEquals("flash-1", a.group());
            assertTrue(a.profile().createdAt().isBefore(NOW.minus(Duration.ofDays(365))), "fans have ordinary, old accounts: " + a.id());
            assertTrue(Apps.isFirstParty(a.clientApp()) && a.app() == null, a.id());
        }
        giveaway.members().forEach(m -> assertEquals("giveaway-1", p.account(m).group()));
    }

    @Test
    void manyFansMakeSeveralCrowdsOfAtMostAThousand() {
        Population p = Population.generate(23, 12_000, NOW);
        List<Crowd> flashes = p.crowds().stream().filter(c -> c.kind() == Crowd.Kind.FLASH).toList();
        assertEquals(3, flashes.size(), "2,400 fans: three moments");
        Set<Integer> fans = new HashSet<>();
        for (Crowd c : flashes) {
            assertTrue(c.members().size() >= 700 && c.members().size() <= 1_000, c.id() + ": " + c.members().size());
            c.members().forEach(m -> assertTrue(fans.add(m), "one flash crowd per fan"));
        }
        assertEquals(ids(p, Archetype.FLASH_CROWD_FAN), fans);
        assertEquals(Set.of(), Set.copyOf(Population.generate(4, 10, NOW).crowds().stream().filter(c -> c.members().isEmpty()).toList()),
                "a tiny population forms no empty crowd");
    }

    private static Crowd crowd(Population p, String id) {
        return p.crowds().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    private static Set<Integer> ids(Population p, Archetype archetype) {
        Set<Integer> result = new HashSet<>();
        p.accounts().stream().filter(a -> a.archetype() == archetype).forEach(a -> result.add(a.index()));
        return result;
    }

    @Test
    void archetypesAreSpreadOverTheIds() {
        Population p = Population.generate(11, 2_000, NOW);
        // not in enum order: the first hundred ids hold more than one archetype
        Set<Archetype> firstHundred = new HashSet<>();
        p.accounts().subList(0, 100).forEach(a -> firstHundred.add(a.archetype()));
        assertTrue(firstHundred.size() >= 4, firstHundred.toString());
    }

    @Test
    void farmsAreGroupsOf20To40AndCelebritiesBuyFromThem() {
        Population p = Population.generate(5, 2_000, NOW);
        assertTrue(p.farms().size() >= 3);
        for (FarmGroup farm : p.farms()) {
            assertTrue(farm.members().size() >= 20 && farm.members().size() <= 40, farm.id() + " has " + farm.members().size());
            farm.members().forEach(m -> assertEquals(Archetype.BOT_FARM, p.account(m).archetype()));
            farm.members().forEach(m -> assertEquals(farm.id(), p.account(m).group()));
        }
        List<Account> celebrities = p.accounts().stream().filter(a -> a.archetype() == Archetype.CELEBRITY).toList();
        List<Account> buying = celebrities.stream().filter(a -> a.boughtFollowers() > 0).toList();
        assertTrue(!buying.isEmpty() && buying.size() < celebrities.size(), "a few celebrities bought followers");
        for (Account c : buying) {
            long fromFarms = p.farms().stream().filter(f -> f.customers().contains(c.index())).mapToLong(f -> f.members().size()).sum();
            assertEquals(fromFarms, c.boughtFollowers());
        }
        celebrities.forEach(c -> assertTrue(c.profile().followerCount() >= 100_000, c.id()));
    }

    @Test
    void everyAccountIsValidForTheContractAndAppsFitTheArchetype() {
        Population p = Population.generate(9, 2_000, NOW);
        Set<String> ids = new HashSet<>();
        for (Account a : p.accounts()) {
            assertTrue(ACCOUNT_ID.matcher(a.id()).matches(), a.id());
            assertTrue(ids.add(a.id()), "unique " + a.id());
            Profile profile = a.profile();
            assertTrue(!profile.username().isEmpty() && profile.mediaCount() >= 0 && profile.followerCount() >= 0
                    && profile.followingCount() >= 0);
            assertTrue(profile.createdAt().isBefore(NOW));
            switch (a.archetype()) {
                case FOLLOWER_BUYER, PERSISTENT, COMPLIER -> assertTrue(Apps.FOLLOWER_APPS.contains(a.app()), a.app());
                case F4F_RING -> assertEquals(Apps.AUTO_FOLLOW, a.app());
                case SCHEDULER_USER -> assertEquals(Apps.SCHEDULER, a.app());
                default -> assertEquals(null, a.app());
            }
            if (!a.inauthentic()) {
                assertTrue(Apps.isFirstParty(a.clientApp()), a.id() + " " + a.clientApp());
            }
        }
    }

    @Test
    void fakeProfilesLookFakeMoreOftenThanGenuineOnesButNotAlways() {
        Population p = Population.generate(13, 5_000, NOW);
        List<Profile> farm = profiles(p, Archetype.BOT_FARM);
        List<Profile> genuine = profiles(p, Archetype.GENUINE);
        double farmNoPicture = share(farm, pr -> !pr.hasProfilePicture());
        double genuineNoPicture = share(genuine, pr -> !pr.hasProfilePicture());
        assertTrue(farmNoPicture > 0.4 && genuineNoPicture < 0.15 && genuineNoPicture > 0, farmNoPicture + " vs " + genuineNoPicture);
        double farmFollowsMore = share(farm, pr -> pr.followingCount() > 5 * Math.max(1, pr.followerCount()));
        double genuineFollowsMore = share(genuine, pr -> pr.followingCount() > 5 * Math.max(1, pr.followerCount()));
        assertTrue(farmFollowsMore > 0.7 && genuineFollowsMore < 0.3, farmFollowsMore + " vs " + genuineFollowsMore);
        double farmDigits = share(farm, pr -> pr.username().chars().filter(Character::isDigit).count() >= 4);
        double genuineDigits = share(genuine, pr -> pr.username().chars().filter(Character::isDigit).count() >= 4);
        assertTrue(farmDigits > genuineDigits + 0.3 && genuineDigits > 0, farmDigits + " vs " + genuineDigits);
        double farmFewPosts = share(farm, pr -> pr.mediaCount() <= 6);
        double genuineFewPosts = share(genuine, pr -> pr.mediaCount() <= 6);
        assertTrue(farmFewPosts > 0.7 && genuineFewPosts < 0.3, farmFewPosts + " vs " + genuineFewPosts);
    }

    @Test
    void genuineFollowerCountsAreLongTailed() {
        List<Long> followers = profiles(Population.generate(17, 5_000, NOW), Archetype.GENUINE).stream().map(Profile::followerCount)
                .sorted().toList();
        long median = followers.get(followers.size() / 2);
        long p99 = followers.get(followers.size() * 99 / 100);
        assertTrue(p99 > 10 * median, "median " + median + ", p99 " + p99);
    }

    private static List<Profile> profiles(Population p, Archetype archetype) {
        return p.accounts().stream().filter(a -> a.archetype() == archetype).map(Account::profile).toList();
    }

    private static double share(List<Profile> profiles, java.util.function.Predicate<Profile> test) {
        return profiles.stream().filter(test).count() / (double) profiles.size();
    }
}
