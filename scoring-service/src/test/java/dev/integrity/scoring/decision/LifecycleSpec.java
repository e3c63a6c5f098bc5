package dev.integrity.scoring.decision;

import static dev.integrity.contract.enforcement.EnforcementStatus.APPLIED;
import static dev.integrity.contract.enforcement.EnforcementStatus.HELD;
import static dev.integrity.contract.enforcement.EnforcementStatus.PROPOSED;
import static dev.integrity.contract.enforcement.EnforcementStatus.REJECTED;
import static dev.integrity.contract.enforcement.EnforcementStatus.REVERTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.contract.enforcement.EnforcementStatus;

/** Every move of an enforcement, allowed or refused: all 25 pairs of statuses. */
class LifecycleSpec {

    private static final Set<List<EnforcementStatus>> ALLOWED = Set.of(List.of(PROPOSED, HELD), List.of(PROPOSED, APPLIED),
            List.of(PROPOSED, REJECTED), List.of(HELD, APPLIED), List.of(HELD, REJECTED), List.of(APPLIED, REVERTED));

    static Stream<Arguments> moves() {
        List<Arguments> all = new ArrayList<>();
        for (EnforcementStatus from : EnforcementStatus.values()) {
            for (EnforcementStatus to : EnforcementStatus.values()) {
                all.add(Arguments.of(from, to, ALLOWED.contains(List.of(from, to))));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: allowed {2}")
    @MethodSource("moves")
    void move(EnforcementStatus from, EnforcementStatus to, boolean allowed) {
        assertEquals(allowed, from.canBecome(to));
        String refusal = Lifecycle.refusal("enf-1", from, to);
        if (allowed) {
            assertNull(refusal);
        } else {
            assertTrue(refusal.startsWith("Enforcement enf-1 is " + from + "; it cannot become " + to), refusal);
        }
    }

    @Test
    void onlyRejectedAndRevertedAreFinalAndOnlyProposedAndHeldAreOpen() {
        for (EnforcementStatus s : EnforcementStatus.values()) {
            assertEquals(s == REJECTED || s == REVERTED, s.isFinal(), s.name());
            assertEquals(s == PROPOSED || s == HELD, s.isOpen(), s.name());
        }
    }

    @Test
    void aRefusalNamesWhereTheMoveIsAllowedFrom() {
        assertEquals("Enforcement enf-1 is REJECTED; it cannot become APPLIED (allowed from HELD or PROPOSED).",
                Lifecycle.refusal("enf-1", REJECTED, APPLIED));
    }

    @Test
    void anAppliedScopeReachesTheDecisionButNeverShrinks() {
        Instant proposed = Instant.parse("2026-11-20T12:00:00Z");
        Instant decided = proposed.plusSeconds(3600);
        EnforcementScope s = new EnforcementScope("e", "a", EnforcementAction.REMOVE_AND_WARN, 1, List.of("app"), Instant.EPOCH, proposed, List.of());
        assertEquals(decided, Lifecycle.scopeAtDecision(s, decided).to());
        assertEquals(proposed, Lifecycle.scopeAtDecision(s, proposed.minusSeconds(60)).to());
    }
}
