package dev.integrity.scoring.decision;

import static dev.integrity.contract.enforcement.AccountStatus.BLOCKED;
import static dev.integrity.contract.enforcement.AccountStatus.CLEAN;
import static dev.integrity.contract.enforcement.AccountStatus.SUSPECT;
import static dev.integrity.contract.enforcement.AccountStatus.WARNED;
import static dev.integrity.contract.enforcement.EnforcementAction.BLOCK;
import static dev.integrity.contract.enforcement.EnforcementAction.REMOVE_AND_WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.LockstepWindow;
import dev.integrity.scoring.model.AccountState;
import dev.integrity.scoring.model.LockstepHit;
import dev.integrity.scoring.model.ModelResult;
import dev.integrity.scoring.model.Verdict;

/**
 * The policy, as the product's rules: what counts as evidence, what never does, and where the
 * ladder goes. Each row: the account's state, features, model, lockstep, repeat engagement and
 * whether an enforcement is in flight; the status it ends in and the enforcement proposed (if any).
 */
class PolicySpec {

    private static final Policy POLICY = new Policy(Kernel.POLICY);
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final ModelResult FAKE = new ModelResult("m1", 0.99, true, List.of("No profile picture"));
    private static final ModelResult REAL = new ModelResult("m1", 0.02, false, List.of());
    private static final LockstepHit HIT = new LockstepHit("g-1", "a", List.of("a", "b", "c", "d", "e"),
            List.of(new LockstepWindow("t1", NOW.minusSeconds(600), NOW, dev.integrity.contract.EventType.FOLLOW)));

    record Row(String rule, AccountState state, Features features, ModelResult model, LockstepHit lockstep, int repeats, boolean open,
            AccountStatus status, EnforcementAction action, int strike) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static AccountState clean() {
        return AccountState.clean("a");
    }

    static AccountState warned(int strikes, int repeats) {
        return new AccountState("a", WARNED, strikes, strikes, 0.9, "m1", List.of("warned"), List.of("followboost"), NOW.minusSeconds(3600),
                repeats, null, List.of(), null, 3);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("nothing at all stays clean", clean(), Features.none(), REAL, null, 0, false, CLEAN, null, 0),
                row("3,000 first-party likes a day stay clean", clean(), Features.none().firstParty("L", 3000).intervalCv(0.05), REAL, null, 0,
                        false, CLEAN, null, 0),
                row("a profile score alone is never evidence", clean(), Features.none().firstParty("F", 10), FAKE, null, 0, false, CLEAN,
                        null, 0),
                row("320 follows through an app, corroborated by the model: a first warning", clean(),
                        Features.none().app("followboost", "F", 320), FAKE, null, 0, false, SUSPECT, REMOVE_AND_WARN, 1),
                row("60 follows through an app and 100 follows in the hour: a first warning", clean(),
                        Features.none().app("followboost", "F", 60).follows1h(100), REAL, null, 0, false, SUSPECT, REMOVE_AND_WARN, 1),
                row("60 app follows at machine-regular intervals: a first warning", clean(),
                        Features.none().app("followboost", "F", 60).intervalCv(0.1), REAL, null, 0, false, SUSPECT, REMOVE_AND_WARN, 1),
                row("150 actions through apps in a day corroborate on their own", clean(),
                        Features.none().app("followboost", "L", 150), REAL, null, 0, false, SUSPECT, REMOVE_AND_WARN, 1),
                row("60 app follows with nothing to corroborate them stay clean", clean(),
                        Features.none().app("followboost", "F", 60).follows1h(99).intervalCv(0.6), REAL, null, 0, false, CLEAN, null, 0),
                row("49 actions through one app are below the evidence bound", clean(), Features.none().app("followboost", "F", 49), FAKE,
                        null, 0, false, CLEAN, null, 0),
                row("app engagement below half of all engagement is no evidence", clean(),
                        Features.none().app("followboost", "F", 60).firstParty("L", 61), FAKE, null, 0, false, CLEAN, null, 0),
                row("lockstep alone is evidence, whatever app it claims", clean(), Features.none().firstParty("F", 60), REAL, HIT, 0, false,
                        SUSPECT, REMOVE_AND_WARN, 1),
                row("evidence while an enforcement is in flight proposes nothing new", clean(), Features.none().app("followboost", "F", 320),
                        FAKE, null, 0, true, SUSPECT, null, 0),
                row("a quiet account with an enforcement in flight stays suspect", clean(), Features.none(), REAL, null, 0, true, SUSPECT,
                        null, 0),
                row("a blocked account stays blocked and is proposed nothing", blocked(), Features.none().app("followboost", "F", 320), FAKE,
                        null, 0, false, BLOCKED, null, 0),
                row("a warned account's 4 repeats through the flagged app: still only warned", warned(1, 0), Features.none(), REAL, null, 4,
                        false, WARNED, null, 0),
                row("a warned account's 5th repeat: the final warning (strike 2)", warned(1, 0), Features.none(), REAL, null, 5, false,
                        WARNED, REMOVE_AND_WARN, 2),
                row("repeats add up across batches: 3 before and 2 now", warned(1, 3), Features.none(), REAL, null, 2, false, WARNED,
                        REMOVE_AND_WARN, 2),
                row("after the final warning, 5 repeats block the account (strike 3)", warned(2, 0), Features.none(), REAL, null, 5, false,
                        WARNED, BLOCK, 3),
                row("repeats while an enforcement is in flight wait for it", warned(1, 0), Features.none(), REAL, null, 9, true, WARNED, null,
                        0),
                row("a resolved warning (clean, one strike) caught again gets strike 2", resolved(), Features.none().app("followboost", "F", 320),
                        FAKE, null, 0, false, SUSPECT, REMOVE_AND_WARN, 2),
                row("an app that only posts is no evidence (posts are not engagement)", clean(), Features.none().firstParty("L", 40), REAL,
                        null, 0, false, CLEAN, null, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decide(Row row) {
        Verdict v = POLICY.decide(row.state(), row.features().of("a"), row.model(), row.lockstep(), row.repeats(), NOW, row.open());
        assertEquals(row.status(), v.state().status());
        if (row.action() == null) {
            assertNull(v.proposal(), () -> "no proposal expected: " + v.proposal());
            assertEquals(row.state().enforcementCount(), v.state().enforcementCount());
        } else {
            assertEquals(row.action(), v.proposal().action());
            assertEquals(row.strike(), v.proposal().strike());
            assertEquals(row.state().enforcementCount() + 1, v.state().enforcementCount(), "a proposal is counted");
            assertTrue(!v.proposal().reasons().isEmpty(), "a proposal says why");
            assertEquals(NOW, v.proposal().to(), "the scope ends at the account's latest event");
        }
    }

    @Test
    void aProposalNamesTheAppsAndTheReasonsAreHumanReadable() {
        Verdict v = POLICY.decide(clean(), Features.none().app("followboost", "F", 320).app("likesnow", "L", 80).of("a"), FAKE, null, 0, NOW,
                false);
        assertEquals(List.of("followboost", "likesnow"), v.proposal().apps());
        assertTrue(v.proposal().reasons().contains("320 of 320 follows in the last 24 h came through third-party app 'followboost'"),
                v.proposal().reasons().toString());
    }

    @Test
    void aLockstepProposalCarriesTheGroupAndItsWindows() {
        Verdict v = POLICY.decide(clean(), Features.none().firstParty("F", 60).of("a"), REAL, HIT, 0, NOW, false);
        assertEquals("g-1", v.proposal().groupId());
        assertEquals(HIT.windows(), v.proposal().lockstep());
        assertTrue(v.proposal().reasons().getFirst().startsWith("Acts in lockstep with 4 other accounts (group g-1)"));
    }

    @Test
    void theEnforcementIdDerivesFromTheAccountAndItsProposalCount() {
        assertEquals(StrikeLadder.enforcementId("a", 0), StrikeLadder.enforcementId("a", 0));
        assertNotEquals(StrikeLadder.enforcementId("a", 0), StrikeLadder.enforcementId("a", 1));
        assertNotEquals(StrikeLadder.enforcementId("a", 0), StrikeLadder.enforcementId("b", 0));
        assertTrue(StrikeLadder.enforcementId("a", 0).matches("enf-[0-9a-f]{16}"));
    }

    static AccountState blocked() {
        return new AccountState("a", BLOCKED, 3, 3, 0.9, "m1", List.of("blocked"), List.of("followboost"), NOW, 0, null, List.of(), null, 5);
    }

    static AccountState resolved() {
        return new AccountState("a", CLEAN, 1, 1, 0.9, "m1", List.of("resolved"), List.of(), NOW.minusSeconds(86_400), 0,
                NOW.minusSeconds(80_000), List.of("followboost"), null, 4);
    }

    private static Arguments row(String rule, AccountState state, Features f, ModelResult model, LockstepHit lockstep, int repeats,
            boolean open, AccountStatus status, EnforcementAction action, int strike) {
        return Arguments.of(new Row(rule, state, f, model, lockstep, repeats, open, status, action, strike));
    }
}
