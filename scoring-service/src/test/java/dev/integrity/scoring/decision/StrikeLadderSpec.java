package dev.integrity.scoring.decision;

import static dev.integrity.contract.enforcement.AccountStatus.BLOCKED;
import static dev.integrity.contract.enforcement.AccountStatus.CLEAN;
import static dev.integrity.contract.enforcement.AccountStatus.WARNED;
import static dev.integrity.contract.enforcement.EnforcementAction.BLOCK;
import static dev.integrity.contract.enforcement.EnforcementAction.REMOVE_AND_WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.scoring.model.AccountState;

/** The strike ladder: which strike and action come next, what an outcome does, what resolves a warning, what counts as a repeat. */
class StrikeLadderSpec {

    private static final Instant WARNED_AT = Instant.parse("2026-11-20T12:00:00Z");

    @ParameterizedTest(name = "an account with {0} strikes gets strike {1}: {2}")
    @MethodSource
    void nextStrike(int strikes, int next, EnforcementAction action) {
        AccountState s = state(CLEAN, strikes, List.of());
        assertEquals(next, StrikeLadder.nextStrike(s));
        assertEquals(action, StrikeLadder.actionFor(next));
    }

    static Stream<Arguments> nextStrike() {
        return Stream.of(Arguments.of(0, 1, REMOVE_AND_WARN), Arguments.of(1, 2, REMOVE_AND_WARN), Arguments.of(2, 3, BLOCK),
                Arguments.of(3, 3, BLOCK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void outcome(String rule, AccountState before, EnforcementOutcome outcome, AccountStatus status, int strikes) {
        Optional<AccountState> after = StrikeLadder.afterOutcome(before, outcome);
        if (status == null) {
            assertTrue(after.isEmpty(), "a redelivered outcome changes nothing");
            return;
        }
        assertEquals(status, after.orElseThrow().status());
        assertEquals(strikes, after.get().strikes());
        assertEquals(before.version(), after.get().version(), "written over the version it was read at");
    }

    static Stream<Arguments> outcome() {
        return Stream.of(
                Arguments.of("a first warning applied: warned, one strike, the apps flagged", state(CLEAN, 0, List.of()),
                        applied(REMOVE_AND_WARN, 1), WARNED, 1),
                Arguments.of("a final warning applied: warned, two strikes", state(WARNED, 1, List.of("followboost")), applied(REMOVE_AND_WARN, 2),
                        WARNED, 2),
                Arguments.of("a block applied: blocked, three strikes", state(WARNED, 2, List.of("followboost")), applied(BLOCK, 3), BLOCKED, 3),
                Arguments.of("the same application again: nothing moves", state(WARNED, 1, List.of("followboost")), applied(REMOVE_AND_WARN, 1),
                        null, 0),
                Arguments.of("a first warning reverted: clean, no strike", state(WARNED, 1, List.of("followboost")), reverted(REMOVE_AND_WARN, 1),
                        CLEAN, 0),
                Arguments.of("a block reverted: back to the final warning", state(BLOCKED, 3, List.of("followboost")), reverted(BLOCK, 3), WARNED,
                        2),
                Arguments.of("the same revert again: nothing moves", state(CLEAN, 0, List.of()), reverted(REMOVE_AND_WARN, 1), null, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void compliance(String rule, AccountState before, List<AccountEvent> events, AccountStatus status) {
        assertEquals(status, StrikeLadder.withCompliance(before, events).status());
    }

    static Stream<Arguments> compliance() {
        AccountState warned = state(WARNED, 1, List.of("followboost", "likesnow"));
        return Stream.of(
                Arguments.of("password changed after the warning and every app revoked: resolved", warned,
                        List.of(password(60), revoked("followboost", 70), revoked("likesnow", 80)), CLEAN),
                Arguments.of("the password alone does not resolve it", warned, List.of(password(60)), WARNED),
                Arguments.of("one of two apps revoked does not resolve it", warned, List.of(password(60), revoked("followboost", 70)), WARNED),
                Arguments.of("a password change before the warning does not count", warned,
                        List.of(password(-60), revoked("followboost", 70), revoked("likesnow", 80)), WARNED),
                Arguments.of("compliance on an account that was never warned changes no status", state(CLEAN, 0, List.of()),
                        List.of(password(60)), CLEAN),
                Arguments.of("compliance gathered over earlier batches resolves on the last step", warned.withCompliance(
                        WARNED_AT.plusSeconds(60), List.of("followboost")), List.of(revoked("likesnow", 80)), CLEAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void repeats(String rule, AccountState state, AccountEvent event, boolean fresh, int expected) {
        assertEquals(expected, StrikeLadder.repeatEngagement(state, List.of(event), fresh ? Set.of(event.eventId()) : Set.of()));
    }

    static Stream<Arguments> repeats() {
        AccountState warned = state(WARNED, 1, List.of("followboost"));
        return Stream.of(
                Arguments.of("a follow through the flagged app after the warning is a repeat", warned, follow("followboost", 60), true, 1),
                Arguments.of("one before the warning is not", warned, follow("followboost", -60), true, 0),
                Arguments.of("one through another app is not", warned, follow("otherapp", 60), true, 0),
                Arguments.of("one first-party is not", warned, follow(null, 60), true, 0),
                Arguments.of("one seen before (redelivered) is not counted again", warned, follow("followboost", 60), false, 0),
                Arguments.of("an account that is not warned has no repeats", state(CLEAN, 1, List.of("followboost")), follow("followboost", 60),
                        true, 0));
    }

    static AccountState state(AccountStatus status, int strikes, List<String> apps) {
        return new AccountState("a", status, strikes, strikes, 0.5, "m1", List.of(), apps, strikes == 0 ? null : WARNED_AT, 0, null, List.of(),
                null, 7);
    }

    static EnforcementOutcome applied(EnforcementAction action, int strike) {
        return new EnforcementOutcome("e" + strike, "a", action, strike, EnforcementOutcome.Status.APPLIED, new Removed(3, 0, 0),
                List.of("followboost"), WARNED_AT);
    }

    static EnforcementOutcome reverted(EnforcementAction action, int strike) {
        return new EnforcementOutcome("e" + strike, "a", action, strike, EnforcementOutcome.Status.REVERTED, new Removed(3, 0, 0),
                List.of("followboost"), WARNED_AT);
    }

    static AccountEvent password(long secondsAfterWarning) {
        return event(EventType.PASSWORD_CHANGED, null, null, secondsAfterWarning);
    }

    static AccountEvent revoked(String app, long secondsAfterWarning) {
        return event(EventType.APP_REVOKED, null, app, secondsAfterWarning);
    }

    static AccountEvent follow(String app, long secondsAfterWarning) {
        return event(EventType.FOLLOW, app, null, secondsAfterWarning);
    }

    private static AccountEvent event(EventType type, String clientApp, String appId, long secondsAfterWarning) {
        return new AccountEvent("ev-" + type + secondsAfterWarning + clientApp + appId, type, "a", WARNED_AT.plusSeconds(secondsAfterWarning),
                clientApp, null, null, type == EventType.FOLLOW ? "t" : null, null, null, appId, null);
    }
}
