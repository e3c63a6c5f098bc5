package dev.integrity.simulator.model;

import dev.integrity.contract.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, labelled population: who is who, the bot farms and follow-for-follow rings, who
 * bought followers from which farm, and the genuine crowds (a flash crowd, a band's fans, a loop
 * giveaway). The same seed, size and clock give the same population.
 */
public final class Population {

    /** Farm sizes: "groups of 20-40 accounts". */
    static final int FARM_MIN = 20;
    static final int FARM_MAX = 40;
    static final int RING_MIN = 8;
    static final int RING_MAX = 20;
    /** Share of celebrities who bought followers ("a few of them"). */
    static final double CELEBRITY_BUYER_SHARE = 0.3;
    /** Share of buyers who also bought followers from a farm. */
    static final double BUYER_PURCHASE_SHARE = 0.6;

    private final long seed;
    private final Instant createdAt;
    private final List<Account> accounts;
    private final List<FarmGroup> farms;
    private final List<Ring> rings;
    private final List<Crowd> crowds;

    private Population(long seed, Instant createdAt, List<Account> accounts, List<FarmGroup> farms, List<Ring> rings,
            List<Crowd> crowds) {
        this.seed = seed;
        this.createdAt = createdAt;
        this.accounts = List.copyOf(accounts);
        this.farms = List.copyOf(farms);
        this.rings = List.copyOf(rings);
        this.crowds = List.copyOf(crowds);
    }

    /** @param now profiles' ages are relative to it */
    public static Population generate(long seed, int size, Instant now) {
        if (size < 2) {
            throw new IllegalArgumentException("a population needs at least 2 accounts, not " + size);
        }
        Archetype[] archetypes = assign(seed, size);
        Map<Archetype, List<Integer>> byArchetype = new EnumMap<>(Archetype.class);
        for (int i = 0; i < size; i++) {
            byArchetype.computeIfAbsent(archetypes[i], a -> new ArrayList<>()).add(i);
        }
        SplittableRandom groupRandom = Seeds.random(seed, Seeds.stream("groups"));
        List<List<Integer>> farmMembers = split(byArchetype.getOrDefault(Archetype.BOT_FARM, List.of()), FARM_MIN, FARM_MAX, groupRandom);
        List<List<Integer>> ringMembers = split(byArchetype.getOrDefault(Archetype.F4F_RING, List.of()), RING_MIN, RING_MAX, groupRandom);
        Map<Integer, List<Integer>> purchases = purchases(seed, byArchetype, farmMembers.size());

        List<FarmGroup> farms = new ArrayList<>();
        Map<Integer, String> groupOf = new HashMap<>();
        for (int f = 0; f < farmMembers.size(); f++) {
            String id = "farm-" + (f + 1);
            SplittableRandom r = Seeds.random(seed, Seeds.stream("farm"), f);
            String claimed = Apps.FARM_CLAIMS.get(r.nextInt(Apps.FARM_CLAIMS.size()));
            List<String> ips = new ArrayList<>();
            for (int k = 0, n = 3 + r.nextInt(4); k < n; k++) {
                ips.add(Addresses.datacenter(Seeds.mix(seed, Seeds.stream("farm-ip"), f, k)));
            }
            final int farm = f;
            List<Integer> customers = purchases.entrySet().stream().filter(e -> e.getValue().contains(farm)).map(Map.Entry::getKey)
                    .sorted().toList();
            farms.add(new FarmGroup(id, farmMembers.get(f), claimed, ips, customers));
            farmMembers.get(f).forEach(m -> groupOf.put(m, id));
        }
        List<Ring> rings = new ArrayList<>();
        for (int g = 0; g < ringMembers.size(); g++) {
            String id = "ring-" + (g + 1);
            rings.add(new Ring(id, ringMembers.get(g), Apps.AUTO_FOLLOW));
            ringMembers.get(g).forEach(m -> groupOf.put(m, id));
        }
        // A target is looked at before its account exists: its profile is drawn again, from the same stream.
        List<Crowd> crowds = Crowds.form(seed, byArchetype, i -> {
            Profile p = profile(seed, i, archetypes[i], now);
            return !p.isPrivate() && p.mediaCount() >= Crowds.MIN_POSTS;
        });
        for (Crowd crowd : crowds) {
            crowd.members().forEach(m -> groupOf.putIfAbsent(m, crowd.id())); // a band's fans are in the flash crowd first
        }

        List<Account> accounts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            SplittableRandom r = accountRandom(seed, i);
            Archetype archetype = archetypes[i];
            Profile profile = new ProfileFactory(r, now).create(archetype);
            String group = groupOf.get(i);
            long bought = purchases.getOrDefault(i, List.of()).stream().mapToLong(f -> farms.get(f).members().size()).sum();
            String clientApp = archetype == Archetype.BOT_FARM ? farms.get(Integer.parseInt(group.substring(5)) - 1).claimedApp()
                    : firstPartyApp(r);
            accounts.add(new Account(i, Account.idFor(seed, i), archetype, profile, appOf(archetype, r), group, clientApp,
                    utcOffset(r), bought));
        }
        return new Population(seed, now, accounts, farms, rings, crowds);
    }

    /** The account's own random stream: its profile first, then its apps and time zone. */
    private static SplittableRandom accountRandom(long seed, int index) {
        return Seeds.random(seed, Seeds.stream("account"), index);
    }

    private static Profile profile(long seed, int index, Archetype archetype, Instant now) {
        return new ProfileFactory(accountRandom(seed, index), now).create(archetype);
    }

    /** Archetypes in enum order by their counts, shuffled over the indices. */
    private static Archetype[] assign(long seed, int size) {
        List<Archetype> list = new ArrayList<>(size);
        ArchetypeCounts.of(size).forEach((archetype, count) -> list.addAll(Collections.nCopies(count, archetype)));
        SplittableRandom r = Seeds.random(seed, Seeds.stream("assign"));
        Archetype[] result = list.toArray(Archetype[]::new);
        for (int i = result.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Archetype t = result[i];
            result[i] = result[j];
            result[j] = t;
        }
        return result;
    }

    /** Consecutive groups of min..max members; a remainder too small for a group joins the others. */
    static List<List<Integer>> split(List<Integer> members, int min, int max, SplittableRandom r) {
        List<List<Integer>> groups = new ArrayList<>();
        int start = 0;
        int remaining = members.size();
        while (remaining > 0) {
            int size;
            if (remaining <= max) {
                size = remaining;
            } else {
                size = min + r.nextInt(max - min + 1);
                if (remaining - size < min) {
                    size = remaining - min;
                }
            }
            groups.add(List.copyOf(members.subList(start, start + size)));
            start += size;
            remaining -= size;
        }
        return groups;
    }

    /** Who bought followers from which farms: a few celebrities (1-2 farms each) and some buyers (one farm). */
    private static Map<Integer, List<Integer>> purchases(long seed, Map<Archetype, List<Integer>> byArchetype, int farmCount) {
        Map<Integer, List<Integer>> purchases = new HashMap<>();
        if (farmCount == 0) {
            return purchases;
        }
        SplittableRandom r = Seeds.random(seed, Seeds.stream("purchases"));
        List<Integer> celebrities = new ArrayList<>(byArchetype.getOrDefault(Archetype.CELEBRITY, List.of()));
        int buyingCelebrities = celebrities.isEmpty() ? 0 : Math.max(1, (int) Math.round(celebrities.size() * CELEBRITY_BUYER_SHARE));
        shuffle(celebrities, r);
        for (int c = 0; c < buyingCelebrities; c++) {
            List<Integer> fromFarms = new ArrayList<>();
            int wanted = Math.min(farmCount, 1 + r.nextInt(2));
            while (fromFarms.size() < wanted) {
                int farm = r.nextInt(farmCount);
                if (!fromFarms.contains(farm)) {
                    fromFarms.add(farm);
                }
            }
            purchases.put(celebrities.get(c), List.copyOf(fromFarms));
        }
        for (Archetype buyer : List.of(Archetype.FOLLOWER_BUYER, Archetype.PERSISTENT, Archetype.COMPLIER)) {
            for (int account : byArchetype.getOrDefault(buyer, List.of())) {
                if (r.nextDouble() < BUYER_PURCHASE_SHARE) {
                    purchases.put(account, List.of(r.nextInt(farmCount)));
                }
            }
        }
        return purchases;
    }

    private static String appOf(Archetype archetype, SplittableRandom r) {
        return switch (archetype) {
            case FOLLOWER_BUYER, PERSISTENT, COMPLIER -> Apps.FOLLOWER_APPS.get(r.nextInt(Apps.FOLLOWER_APPS.size()));
            case F4F_RING -> Apps.AUTO_FOLLOW;
            case SCHEDULER_USER -> Apps.SCHEDULER;
            default -> null;
        };
    }

    private static String firstPartyApp(SplittableRandom r) {
        double x = r.nextDouble();
        return x < 0.45 ? "official-ios" : x < 0.85 ? "official-android" : "official-web";
    }

    private static int utcOffset(SplittableRandom r) {
        int[] offsets = {-8, -7, -6, -5, -5, -4, -3, 0, 0, 1, 1, 1, 2, 2, 3, 3, 5, 7, 8, 9, 10};
        return offsets[r.nextInt(offsets.length)];
    }

    private static void shuffle(List<Integer> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, r.nextInt(i + 1));
        }
    }

    public long seed() {
        return seed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int size() {
        return accounts.size();
    }

    public Account account(int index) {
        return accounts.get(index);
    }

    public List<Account> accounts() {
        return accounts;
    }

    public List<FarmGroup> farms() {
        return farms;
    }

    public List<Ring> rings() {
        return rings;
    }

    /** The genuine crowds, in the order they were formed; empty when the population has no room for them. */
    public List<Crowd> crowds() {
        return crowds;
    }

    public FarmGroup farmOf(Account account) {
        return account.archetype() == Archetype.BOT_FARM ? farms.get(Integer.parseInt(account.group().substring(5)) - 1) : null;
    }

    public Ring ringOf(Account account) {
        return account.archetype() == Archetype.F4F_RING ? rings.get(Integer.parseInt(account.group().substring(5)) - 1) : null;
    }

    public List<TruthRecord> truth() {
        return accounts.stream().map(TruthRecord::of).toList();
    }

    public Map<Archetype, Integer> counts() {
        Map<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
        for (Archetype a : Archetype.values()) {
            counts.put(a, 0);
        }
        accounts.forEach(a -> counts.merge(a.archetype(), 1, Integer::sum));
        return counts;
    }
}
