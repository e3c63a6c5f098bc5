package dev.integrity.scoring.decision;

import static dev.integrity.contract.EventType.FOLLOW;
import static dev.integrity.contract.EventType.LIKE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.LockstepWindow;

/**
 * Lockstep, as the product's rules: a farm is found whole, a crowd of real fans never is. Each row is
 * a scenario of actions, a seed (the account whose action makes the adapter look), and who must and
 * must not be in the group the rules find around it.
 */
class LockstepRulesSpec {

    private static final LockstepRules RULES = new LockstepRules(Kernel.LOCKSTEP);
    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");

    /** One row: the scenario, the seed, who must be in its group and who must not. */
    record Row(String rule, Consumer<Buckets> scenario, String seed, Set<String> in, Set<String> out) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a farm of 25 following the same 60 targets within 15 minutes: a member who acted later finds the first to act",
                        s -> farm(s, "bot", 25, 60, FOLLOW, T0, Duration.ofMinutes(15)), "bot12", range("bot", 0, 25), Set.of()),
                row("the first member of that farm finds the members it shares windows with",
                        s -> farm(s, "bot", 25, 60, FOLLOW, T0, Duration.ofMinutes(15)), "bot0", range("bot", 0, 17), Set.of()),
                row("the last member of that farm finds the members it shares windows with",
                        s -> farm(s, "bot", 25, 60, FOLLOW, T0, Duration.ofMinutes(15)), "bot24", range("bot", 9, 25), Set.of()),
                row("a farm of 30 liking the same 25 accounts' posts within 5 minutes is one group",
                        s -> farm(s, "liker", 30, 25, LIKE, T0, Duration.ofMinutes(5)), "liker3", range("liker", 0, 30), Set.of()),
                row("a farm acting across a window boundary is still together (the offset bucketing)",
                        s -> farm(s, "bot", 25, 40, FOLLOW, T0.plus(Duration.ofMinutes(8)), Duration.ofMinutes(4)), "bot0",
                        range("bot", 0, 25), Set.of()),
                row("a farm of 100 on 60 targets is found although its buckets count as a crowd",
                        s -> farm(s, "big", 100, 60, FOLLOW, T0, Duration.ofMinutes(6)), "big50", range("big", 0, 100), Set.of()),
                row("a flash crowd: 400 fans follow one newly famous account and like its posts within minutes",
                        s -> flashCrowd(s, 400, 1, Duration.ofMinutes(5)), "fan7", Set.of(), range("fan", 0, 400)),
                row("a flash crowd of 400 following a whole 25-account team within ten minutes weighs too little",
                        s -> flashCrowd(s, 400, 25, Duration.ofMinutes(8)), "fan7", Set.of(), range("fan", 0, 400)),
                row("a flash crowd of 120 following a 25-account team weighs too little too",
                        s -> flashCrowd(s, 120, 25, Duration.ofMinutes(8)), "fan60", Set.of(), range("fan", 0, 120)),
                row("a heavy first-party liker whose likes land on a like farm's targets in its windows is not a member",
                        s -> {
                            farm(s, "liker", 25, 21, LIKE, T0, Duration.ofMinutes(4));
                            heavyLiker(s, "heavy", 21, 40, T0.plusSeconds(30));
                        }, "liker0", range("liker", 0, 25), Set.of("heavy")),
                row("a heavy liker whose likes on a farm's targets fall just before a boundary of one bucketing and its browsing just after is not a member",
                        s -> {
                            farm(s, "liker", 25, 21, LIKE, T0.plus(Duration.ofMinutes(1)), Duration.ofMinutes(3));
                            for (int t = 0; t < 21; t++) {
                                s.act("heavy", LIKE, "target" + t, T0.plus(Duration.ofMinutes(2)).plusSeconds(t));
                            }
                            for (int o = 0; o < 40; o++) {
                                s.act("heavy", LIKE, "creator" + o, T0.plus(Duration.ofMinutes(5)).plusSeconds(10 + 7L * o));
                            }
                        }, "liker0", range("liker", 0, 25), Set.of("heavy")),
                row("the same heavy liker, as the seed, finds no group at all",
                        s -> {
                            farm(s, "liker", 25, 21, LIKE, T0, Duration.ofMinutes(4));
                            heavyLiker(s, "heavy", 21, 40, T0.plusSeconds(30));
                        }, "heavy", Set.of(), Set.of("heavy")),
                row("a like never pairs with a follow: accounts liking a follow farm's targets in its windows are not members",
                        s -> {
                            farm(s, "bot", 25, 60, FOLLOW, T0, Duration.ofMinutes(4));
                            farm(s, "fanlike", 6, 60, LIKE, T0, Duration.ofMinutes(4));
                        }, "bot3", range("bot", 0, 25), range("fanlike", 0, 6)),
                row("a follow farm's targets liked by a crowd: the likers, as seed, find no group",
                        s -> {
                            farm(s, "bot", 25, 60, FOLLOW, T0, Duration.ofMinutes(4));
                            farm(s, "fanlike", 6, 60, LIKE, T0, Duration.ofMinutes(4));
                        }, "fanlike0", Set.of(), range("bot", 0, 25)),
                row("seven accounts acting together never crowd a bucket (fewer than minCrowd)",
                        s -> farm(s, "few", 7, 60, FOLLOW, T0, Duration.ofMinutes(2)), "few0", Set.of(), range("few", 0, 7)),
                row("25 accounts sharing only 19 targets are not in lockstep",
                        s -> farm(s, "bot", 25, 19, FOLLOW, T0, Duration.ofMinutes(4)), "bot0", Set.of(), range("bot", 0, 25)),
                row("25 accounts following the same 60 targets, each in another hour, are not in lockstep",
                        s -> farm(s, "slow", 25, 60, FOLLOW, T0, Duration.ofHours(25)), "slow3", Set.of(), range("slow", 0, 25)),
                row("an account that follows 60 farm targets among 200 others in those windows is not a member",
                        s -> {
                            farm(s, "bot", 25, 60, FOLLOW, T0, Duration.ofMinutes(4));
                            busyFollower(s, "busy", 60, 200, T0.plusSeconds(40));
                        }, "bot1", range("bot", 0, 25), Set.of("busy")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void lockstep(Row row) {
        Buckets buckets = new Buckets(RULES);
        row.scenario().accept(buckets);
        Set<String> found = buckets.membersAround(row.seed());
        assertTrue(found.containsAll(row.in()), () -> "missing: " + minus(row.in(), found));
        Set<String> wrongly = new HashSet<>(row.out());
        wrongly.retainAll(found);
        assertTrue(wrongly.isEmpty(), () -> "wrongly grouped: " + wrongly);
        if (row.in().isEmpty()) {
            assertTrue(found.isEmpty(), () -> "no group expected, found " + found);
        }
    }

    @ParameterizedTest(name = "a bucket of {0} accounts is crowded: {1}")
    @MethodSource
    void crowded(int size, boolean crowded) {
        assertEquals(crowded, RULES.isCrowded(size));
    }

    static Stream<Arguments> crowded() {
        return Stream.of(Arguments.of(7, false), Arguments.of(8, true), Arguments.of(2000, true), Arguments.of(2001, false));
    }

    @ParameterizedTest(name = "a target crowded by {0} accounts weighs {1}")
    @MethodSource
    void weight(int size, double weight) {
        assertEquals(weight, RULES.weight(size), 1e-9);
    }

    static Stream<Arguments> weight() {
        return Stream.of(Arguments.of(8, 1.0), Arguments.of(50, 1.0), Arguments.of(100, 0.5), Arguments.of(400, 0.125));
    }

    @org.junit.jupiter.api.Test
    void aMembersWindowsNameTheKindOfActionItSharedAndEachTargetOnce() {
        Buckets buckets = new Buckets(RULES);
        farm(buckets, "bot", 25, 60, FOLLOW, T0, Duration.ofMinutes(4));
        var group = buckets.groupAround("bot0").orElseThrow();
        List<LockstepWindow> windows = group.getFirst().windows();
        assertEquals(60, windows.size(), "one window per target");
        assertTrue(windows.stream().allMatch(w -> w.kind() == FOLLOW), "only follows are in scope");
        assertTrue(windows.stream().allMatch(w -> !w.from().isAfter(T0.plusSeconds(30)) && !w.to().isBefore(T0.plusSeconds(30))),
                "each window covers the time the action happened");
        assertTrue(group.stream().allMatch(m -> m.lockstepShare() == 1.0), "a farm's accounts do nothing else");
    }

    // Scenario builders: accounts named prefix + index.

    /** n accounts, one after another over the span, each acting on every target within half a minute. */
    static void farm(Buckets s, String prefix, int n, int targets, EventType kind, Instant start, Duration span) {
        for (int i = 0; i < n; i++) {
            Instant at = start.plusMillis(span.toMillis() * i / n);
            for (int t = 0; t < targets; t++) {
                s.act(prefix + i, kind, "target" + t, at.plusMillis(500L * t));
            }
        }
    }

    /** n fans, one after another over the span, each following the famous accounts and liking their posts. */
    static void flashCrowd(Buckets s, int n, int famous, Duration span) {
        for (int i = 0; i < n; i++) {
            Instant at = T0.plusMillis(span.toMillis() * i / n);
            for (int f = 0; f < famous; f++) {
                s.act("fan" + i, FOLLOW, "star" + f, at.plusSeconds(f));
                s.act("fan" + i, LIKE, "star" + f, at.plusSeconds(f + 1));
            }
        }
    }

    /** Likes on the farm's targets within one window, among many other owners' posts. */
    static void heavyLiker(Buckets s, String id, int farmTargets, int others, Instant at) {
        for (int t = 0; t < farmTargets; t++) {
            s.act(id, LIKE, "target" + t, at.plusSeconds(t));
        }
        for (int o = 0; o < others; o++) {
            s.act(id, LIKE, "creator" + o, at.plusSeconds(o));
        }
    }

    static void busyFollower(Buckets s, String id, int farmTargets, int others, Instant at) {
        for (int t = 0; t < farmTargets; t++) {
            s.act(id, FOLLOW, "target" + t, at.plusSeconds(t));
        }
        for (int o = 0; o < others; o++) {
            s.act(id, FOLLOW, "elsewhere" + o, at.plusSeconds(o));
        }
    }

    static Set<String> range(String prefix, int from, int to) {
        Set<String> ids = new HashSet<>();
        IntStream.range(from, to).forEach(i -> ids.add(prefix + i));
        return ids;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Arguments row(String rule, Consumer<Buckets> scenario, String seed, Set<String> in, Set<String> out) {
        return Arguments.of(new Row(rule, scenario, seed, in, out));
    }
}
