package dev.integrity.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.contract.enforcement.LockstepWindow;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property test over generated cases (seeded, so a failing case is named by its seed and can be
 * replayed alone). For random activity histories and random enforcements on the real database: applying keeps
 * every count equal to what the active edges say, and reverting leaves every edge and count
 * exactly as before. Applying or reverting twice changes nothing the second time.
 */
class ApplyRevertPropertiesIT {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> APPS = List.of("official-ios", "official-web", "followboost", "likeapp");
    private static LedgerDatabase db;

    @BeforeAll
    static void connect() {
        db = new LedgerDatabase();
    }

    @AfterAll
    static void disconnect() {
        db.close();
    }

    /** One step of a history: what an actor (index) does to a target (index) through an app, at a minute. */
    record Step(EventType type, int actor, int target, int media, int app, int minute) {
    }

    record EnforcementSpec(int actor, List<Integer> apps, int fromMinute, int toMinute, List<Integer> lockstepTargets) {
    }

    /** Seeds of the generated cases; set -Dproperty.seed=N to replay one case. */
    static Stream<Long> seeds() {
        String replay = System.getProperty("property.seed");
        if (replay != null) {
            return Stream.of(Long.parseLong(replay));
        }
        long base = new Random().nextLong();
        return IntStream.range(0, 80).mapToObj(i -> base + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void applyThenRevertRestoresEverything(long seed) {
        try {
            check(seed);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("case with seed " + seed + " failed (replay it with -Dproperty.seed=" + seed + "): " + e.getMessage(), e);
        }
    }

    private void check(long seed) {
        Random random = new Random(seed);
        List<Step> history = history(random);
        EnforcementSpec spec = enforcement(random);
        int batchSize = List.of(1, 3, 7, 1000).get(random.nextInt(4));
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<AccountEvent> events = toEvents(prefix, history);
        for (int from = 0; from < events.size(); from += batchSize) {
            db.ledger.record(events.subList(from, Math.min(from + batchSize, events.size()))).await().indefinitely();
        }
        // Replaying the whole history changes nothing: the ledger is idempotent on eventId.
        List<String> before = db.snapshot(prefix);
        db.ledger.record(events).await().indefinitely();
        assertEquals(before, db.snapshot(prefix), "replay changed the ledger");
        assertEquals(db.recomputedCounts(prefix), db.nonZeroCounts(prefix), "counts disagree with edges before apply");

        EnforcementScope scope = toScope(prefix, spec);
        EnforcementOutcome applied = db.enforcements.apply(scope).await().indefinitely();
        assertEquals(EnforcementOutcome.Status.APPLIED, applied.status());
        assertEquals(db.recomputedCounts(prefix), db.nonZeroCounts(prefix), "counts disagree with edges after apply");
        List<String> afterApply = db.snapshot(prefix);
        db.enforcements.apply(scope).await().indefinitely();
        assertEquals(afterApply, db.snapshot(prefix), "a second apply changed the ledger");

        EnforcementOutcome reverted = db.enforcements.revert(scope.enforcementId()).await().indefinitely();
        assertEquals(EnforcementOutcome.Status.REVERTED, reverted.status());
        assertEquals(before, db.snapshot(prefix), "revert did not restore the ledger exactly");
        db.enforcements.revert(scope.enforcementId()).await().indefinitely();
        assertEquals(before, db.snapshot(prefix), "a second revert changed the ledger");
    }

    /** Found by this test: a pair unfollowed and followed again within one batch, after an earlier follow. */
    @org.junit.jupiter.api.Test
    void unfollowAndRefollowInOneBatchKeepsOneActiveEdge() {
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Step> first = List.of(new Step(EventType.FOLLOW, 0, 4, 0, 0, 1));
        List<Step> second = List.of(new Step(EventType.UNFOLLOW, 0, 4, 0, 0, 2), new Step(EventType.FOLLOW, 0, 4, 0, 0, 3),
                new Step(EventType.LIKE, 0, 4, 1, 0, 4), new Step(EventType.UNLIKE, 0, 4, 1, 0, 5), new Step(EventType.LIKE, 0, 4, 1, 0, 6));
        List<AccountEvent> events = toEvents(prefix, concat(first, second));
        db.ledger.record(events.subList(0, 1)).await().indefinitely();
        db.ledger.record(events.subList(1, events.size())).await().indefinitely();
        assertEquals(db.recomputedCounts(prefix), db.nonZeroCounts(prefix));
        assertEquals(List.of("N|" + prefix + "a0|0|1|1|0|0|0", "N|" + prefix + "t4|1|0|0|1|0|0"), db.nonZeroCounts(prefix));
    }

    private static List<Step> concat(List<Step> a, List<Step> b) {
        List<Step> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static final EventType[] STEP_TYPES = { EventType.FOLLOW, EventType.FOLLOW, EventType.UNFOLLOW, EventType.LIKE,
            EventType.LIKE, EventType.UNLIKE, EventType.COMMENT, EventType.LOGIN };

    private static List<Step> history(Random random) {
        int length = 1 + random.nextInt(60);
        List<Step> steps = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            steps.add(new Step(STEP_TYPES[random.nextInt(STEP_TYPES.length)], random.nextInt(4), random.nextInt(6),
                    random.nextInt(3), random.nextInt(APPS.size()), random.nextInt(601)));
        }
        return steps;
    }

    private static EnforcementSpec enforcement(Random random) {
        return new EnforcementSpec(random.nextInt(4), randomInts(random, 3, APPS.size()), random.nextInt(301),
                300 + random.nextInt(401), randomInts(random, 3, 6));
    }

    private static List<Integer> randomInts(Random random, int maxCount, int bound) {
        return IntStream.range(0, random.nextInt(maxCount + 1)).mapToObj(i -> random.nextInt(bound)).toList();
    }

    private static List<AccountEvent> toEvents(String prefix, List<Step> history) {
        List<AccountEvent> events = new ArrayList<>();
        // Kafka order is per account arrival order; sort by time so that occurredAt is monotonic too.
        List<Step> ordered = history.stream().sorted((a, b) -> Integer.compare(a.minute(), b.minute())).toList();
        int n = 0;
        for (Step s : ordered) {
            String actor = prefix + "a" + s.actor();
            // Targets 0..3 are the actors themselves (accounts that both give and receive), 4..5 only receive.
            String target = prefix + (s.target() < 4 && s.target() != s.actor() ? "a" + s.target() : "t" + s.target());
            Instant at = T0.plus(Duration.ofMinutes(s.minute()));
            String app = APPS.get(s.app());
            String media = target + "-m" + s.media();
            String eventId = prefix + "e" + n++;
            events.add(switch (s.type()) {
                case FOLLOW, UNFOLLOW -> new AccountEvent(eventId, s.type(), actor, at, app, null, null, target, null, null, null, null);
                case LIKE, UNLIKE -> new AccountEvent(eventId, s.type(), actor, at, app, null, null, target, media, null, null, null);
                case COMMENT -> new AccountEvent(eventId, s.type(), actor, at, app, null, null, target, media, "nice " + n, null, null);
                default -> new AccountEvent(eventId, s.type(), actor, at, app, null, null, null, null, null, null, null);
            });
        }
        return events;
    }

    private static EnforcementScope toScope(String prefix, EnforcementSpec spec) {
        List<String> apps = spec.apps().stream().map(APPS::get).distinct().toList();
        List<LockstepWindow> lockstep = spec.lockstepTargets().stream()
                .map(t -> new LockstepWindow(prefix + "t" + t, T0.plus(Duration.ofMinutes(spec.fromMinute())),
                        T0.plus(Duration.ofMinutes(spec.fromMinute() + 120))))
                .toList();
        return new EnforcementScope(prefix + "enf", prefix + "a" + spec.actor(), EnforcementAction.REMOVE_AND_WARN, 1, apps,
                T0.plus(Duration.ofMinutes(spec.fromMinute())), T0.plus(Duration.ofMinutes(spec.toMinute())), lockstep);
    }
}
