package dev.integrity.scoring.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.contract.enforcement.Impact;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.scoring.decision.GuardRules.LossSoFar;
import dev.integrity.scoring.decision.GuardRules.WindowTotals;
import dev.integrity.scoring.model.GuardDecision;
import dev.integrity.scoring.model.GuardDecision.Cause;
import dev.integrity.scoring.model.GuardState;

/**
 * The blast-radius guard's bounds, as the product's rules (a quarter of a receiver's followers a
 * day, from ten lost on; 5,000 receivers per enforcement; the breaker at 200,000 removals or 5% of
 * the touched receivers' followers in ten minutes).
 */
class GuardRulesSpec {

    private static final GuardRules RULES = new GuardRules(Kernel.GUARD);
    private static final GuardState OPEN = new GuardState(GuardState.Breaker.OPEN, "too many removals", Instant.EPOCH);

    /** One row: a receiver with followers before and after, what it lost so far, and the expected cause. */
    record Row(String rule, GuardState breaker, Impact impact, Set<String> unprotected, Map<String, LossSoFar> so, WindowTotals totals,
            Cause expected) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("an open breaker holds everything", OPEN, oneFollower("small", 70), Set.of(), Map.of(), WindowTotals.NONE, Cause.BREAKER_OPEN),
                row("a first loss of one follower of 70 applies", GuardState.CLOSED, oneFollower("small", 70), Set.of(), Map.of(),
                        WindowTotals.NONE, Cause.APPLIED),
                row("the 17th follower of 70 in a day applies (24%)", GuardState.CLOSED, oneFollower("small", 54), Set.of(),
                        Map.of("small", new LossSoFar(16, 70L)), WindowTotals.NONE, Cause.APPLIED),
                row("the 18th follower of 70 in a day is held (26% > 25%)", GuardState.CLOSED, oneFollower("small", 53), Set.of(),
                        Map.of("small", new LossSoFar(17, 70L)), WindowTotals.NONE, Cause.FOLLOWER_LOSS),
                row("exactly a quarter applies: 10 of 40", GuardState.CLOSED, oneFollower("r", 31), Set.of(), Map.of("r", new LossSoFar(9, 40L)),
                        WindowTotals.NONE, Cause.APPLIED),
                row("past a quarter is held: 11 of 40", GuardState.CLOSED, oneFollower("r", 30), Set.of(), Map.of("r", new LossSoFar(10, 40L)),
                        WindowTotals.NONE, Cause.FOLLOWER_LOSS),
                row("below the floor of ten a tiny account may lose more than a quarter: 5 of 6", GuardState.CLOSED, oneFollower("tiny", 2),
                        Set.of(), Map.of("tiny", new LossSoFar(4, 6L)), WindowTotals.NONE, Cause.APPLIED),
                row("the baseline is the followers before the day's first loss, not the fewer left now", GuardState.CLOSED,
                        oneFollower("r", 80), Set.of(), Map.of("r", new LossSoFar(20, 100L)), WindowTotals.NONE, Cause.APPLIED),
                row("without a recorded baseline the followers now count: 21 of 80 is held", GuardState.CLOSED, oneFollower("r", 80),
                        Set.of(), Map.of("r", new LossSoFar(20, null)), WindowTotals.NONE, Cause.FOLLOWER_LOSS),
                row("a receiver the suite holds inauthentic is not protected", GuardState.CLOSED, oneFollower("farmbot", 12),
                        Set.of("farmbot"), Map.of("farmbot", new LossSoFar(11, 12L)), WindowTotals.NONE, Cause.APPLIED),
                row("one enforcement touching 5,000 receivers applies", GuardState.CLOSED, receivers(5000), Set.of(), Map.of(),
                        WindowTotals.NONE, Cause.APPLIED),
                row("one enforcement touching 5,001 receivers is held", GuardState.CLOSED, receivers(5001), Set.of(), Map.of(),
                        WindowTotals.NONE, Cause.RECEIVERS),
                row("200,000 removals in the window apply", GuardState.CLOSED, oneFollower("big", 1_000_000), Set.of(), Map.of(),
                        new WindowTotals(199_999, 0, 0), Cause.APPLIED),
                row("the 200,001st removal in the window opens the breaker", GuardState.CLOSED, oneFollower("big", 1_000_000), Set.of(),
                        Map.of(), new WindowTotals(200_000, 0, 0), Cause.BREAKER_TRIPPED),
                row("follows past 5% of the touched receivers' followers open the breaker", GuardState.CLOSED, oneFollower("big", 100),
                        Set.of(), Map.of(), new WindowTotals(1000, 1000, 10_000), Cause.BREAKER_TRIPPED),
                row("the relative bound waits for a thousand follows removed", GuardState.CLOSED, oneFollower("big", 100), Set.of(), Map.of(),
                        new WindowTotals(998, 998, 2_000), Cause.APPLIED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void guard(Row row) {
        GuardDecision d = RULES.decide(row.breaker(), row.impact(), row.unprotected(), row.so(), row.totals());
        assertEquals(row.expected(), d.cause(), () -> "hold reason: " + d.holdReason());
        assertEquals(row.expected() == Cause.APPLIED, d.apply());
        if (!d.apply()) {
            assertNotNull(d.holdReason(), "a hold says why");
        }
        if (row.expected() == Cause.BREAKER_TRIPPED) {
            assertNotNull(d.opensBreaker(), "a trip opens the breaker");
        }
    }

    @Test
    void anAppliedDecisionReservesEachProtectedReceiversLossAndNoOther() {
        Impact impact = new Impact("e", "bot", new Removed(2, 0, 0),
                List.of(new ReceiverImpact("genuine", 100, 99, 0, 0), new ReceiverImpact("bot2", 10, 9, 0, 0), new ReceiverImpact("liked", 5, 5, 3, 0)));
        GuardDecision d = RULES.decide(GuardState.CLOSED, impact, Set.of("bot2"), Map.of(), WindowTotals.NONE);
        assertEquals(Map.of("genuine", 1L), d.reservations());
    }

    /**
     * The bound is hard: a small account with 70 followers, 40 of them a farm's, loses at most a
     * quarter of them however the farm's enforcements arrive, when each decision reserves its loss
     * before the next one reads (what the adapter's optimistic transaction guarantees).
     */
    @Test
    void aFarmOfFortyCanTakeAtMostAQuarterOfA70FollowerAccount() {
        Map<String, LossSoFar> so = new HashMap<>();
        long followers = 70;
        List<Cause> causes = new ArrayList<>();
        for (int bot = 0; bot < 40; bot++) {
            Impact impact = oneFollower("small", followers);
            GuardDecision d = RULES.decide(GuardState.CLOSED, impact, Set.of(), so, WindowTotals.NONE);
            causes.add(d.cause());
            if (d.apply()) {
                LossSoFar before = so.getOrDefault("small", LossSoFar.NONE);
                so.put("small", new LossSoFar(before.lost() + d.reservations().get("small"),
                        before.baseline() != null ? before.baseline() : followers));
                followers--;
            }
        }
        long lost = 70 - followers;
        assertEquals(17, lost, "17 of 70 is the most below a quarter");
        assertTrue(lost <= 70 * Kernel.GUARD.maxFollowerLossShare());
        assertEquals(23, causes.stream().filter(c -> c == Cause.FOLLOWER_LOSS).count(), "the other 23 wait for a moderator");
    }

    private static Impact oneFollower(String receiver, long followersBefore) {
        return new Impact("e", "bot", new Removed(1, 0, 0), List.of(new ReceiverImpact(receiver, followersBefore, followersBefore - 1, 0, 0)));
    }

    private static Impact receivers(int n) {
        List<ReceiverImpact> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new ReceiverImpact("r" + i, 1_000_000, 1_000_000, 1, 0));
        }
        return new Impact("e", "bot", new Removed(0, n, 0), list);
    }

    private static Arguments row(String rule, GuardState breaker, Impact impact, Set<String> unprotected, Map<String, LossSoFar> so,
            WindowTotals totals, Cause expected) {
        return Arguments.of(new Row(rule, breaker, impact, unprotected, so, totals, expected));
    }
}
