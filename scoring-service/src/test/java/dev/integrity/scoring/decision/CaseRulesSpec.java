package dev.integrity.scoring.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.LockstepWindow;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.contract.review.CaseKind;
import dev.integrity.contract.review.CaseStatus;
import dev.integrity.scoring.model.Enforcement;

/** Which case a held enforcement joins, what a case adds up to, and when one decision may apply to it. */
class CaseRulesSpec {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    static Stream<Arguments> causes() {
        return Stream.of(
                // group, protected receiver -> kind, key
                Arguments.of("grp-1", "small", CaseKind.LOCKSTEP_GROUP, "group:grp-1"),
                Arguments.of("grp-1", null, CaseKind.LOCKSTEP_GROUP, "group:grp-1"),
                Arguments.of(null, "small", CaseKind.PROTECTED_RECEIVER, "receiver:small"),
                Arguments.of("", "small", CaseKind.PROTECTED_RECEIVER, "receiver:small"),
                Arguments.of(null, null, CaseKind.SINGLE, "enforcement:enf-9"),
                Arguments.of(" ", " ", CaseKind.SINGLE, "enforcement:enf-9"));
    }

    @ParameterizedTest(name = "group {0}, receiver {1} -> {2}")
    @MethodSource("causes")
    void aHoldJoinsTheCaseOfItsStrongestSharedCause(String group, String receiver, CaseKind kind, String key) {
        CaseRules.Cause cause = CaseRules.cause("enf-9", "bot-9", EnforcementAction.REMOVE_AND_WARN, group, receiver);
        assertEquals(kind, cause.kind());
        assertEquals(key, cause.key());
        assertTrue(!cause.title().isBlank());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // status, held, expected, cap -> refused?
                Arguments.of(CaseStatus.OPEN, 3, 3, 500, false),
                Arguments.of(CaseStatus.OPEN, 3, 2, 500, true),
                Arguments.of(CaseStatus.OPEN, 2, 3, 500, true),
                Arguments.of(CaseStatus.OPEN, 0, 0, 500, false),
                Arguments.of(CaseStatus.CLOSED, 0, 0, 500, true),
                Arguments.of(CaseStatus.OPEN, 501, 501, 500, true),
                Arguments.of(CaseStatus.OPEN, 500, 500, 500, false));
    }

    @ParameterizedTest(name = "{0} holding {1}, moderator saw {2}, cap {3}: refused {4}")
    @MethodSource("refusals")
    void oneDecisionAppliesOnlyToTheCaseTheModeratorSaw(CaseStatus status, int held, int expected, int cap, boolean refused) {
        String refusal = CaseRules.refusal("case-1", status, held, expected, cap);
        assertEquals(refused, refusal != null, String.valueOf(refusal));
    }

    @Test
    void anOpenCaseCountsItsHeldMembersAndAClosedOneWhatItApplied() {
        List<Enforcement> members = List.of(
                member("e1", "bot1", EnforcementStatus.HELD, new Removed(10, 2, 0), List.of(impact("small", 13, 12), impact("big", 5000, 4999))),
                member("e2", "bot2", EnforcementStatus.HELD, new Removed(20, 0, 1), List.of(impact("small", 12, 11))),
                member("e3", "bot3", EnforcementStatus.REJECTED, new Removed(7, 0, 0), List.of(impact("other", 40, 39))));
        CaseRules.Figures open = CaseRules.figures(CaseStatus.OPEN, members);
        assertEquals(List.of("e1", "e2", "e3"), open.enforcementIds());
        assertEquals(2, open.held());
        assertEquals(new Removed(30, 2, 1), open.removed());
        assertEquals(2, open.receivers());
        List<CaseRules.ReceiverLoss> impact = CaseRules.impact(CaseStatus.OPEN, members);
        assertEquals(new CaseRules.ReceiverLoss("small", 13, 11), impact.getFirst(), "largest loss first: 13 before, two removed");
        assertEquals(new CaseRules.ReceiverLoss("big", 5000, 4999), impact.get(1));

        CaseRules.Figures closed = CaseRules.figures(CaseStatus.CLOSED, members);
        assertEquals(Removed.NONE, closed.removed(), "nothing in it was applied");
    }

    @Test
    void evidenceCountsReasonsAndKeepsTargetsThatMembersShare() {
        Instant a = T;
        Instant b = T.plusSeconds(60);
        List<Enforcement> members = List.of(
                lockstep("e1", "bot1", List.of(new LockstepWindow("star", a, a.plusSeconds(30), EventType.FOLLOW),
                        new LockstepWindow("lone", a, a.plusSeconds(30), EventType.LIKE))),
                lockstep("e2", "bot2", List.of(new LockstepWindow("star", b, b.plusSeconds(30), EventType.FOLLOW))));
        CaseRules.Evidence evidence = CaseRules.evidence("grp-1", members);
        assertEquals("grp-1", evidence.groupId());
        assertEquals(List.of(new CaseRules.ReasonCount("lockstep", 2)), evidence.reasons());
        assertEquals(List.of(new CaseRules.SharedTarget("star", EventType.FOLLOW, a, b.plusSeconds(30), 2)), evidence.sharedTargets(),
                "a target only one member engaged with is not shared");
        assertEquals(List.of("star", "lone"), evidence.members().getFirst().targets());
    }

    @Test
    void aHoldRecordedBeforeCasesNamesItsReceiverInItsReason() {
        assertEquals("acc-7", GuardRules.protectedReceiverIn("Would cut acc-7's followers by 83% within 24 h (10 of 12 removed; bound 25%)"));
        assertNull(GuardRules.protectedReceiverIn("The blast-radius breaker is open (x): every enforcement waits for review"));
        assertNull(GuardRules.protectedReceiverIn(null));
    }

    @Test
    void theCaseStatusesKnowTheirMoves() {
        assertTrue(CaseStatus.OPEN.canBecome(CaseStatus.CLOSED));
        assertTrue(!CaseStatus.CLOSED.canBecome(CaseStatus.OPEN));
        assertNull(CaseRules.refusal("c", CaseStatus.OPEN, 1, 1, 1));
    }

    private static ReceiverImpact impact(String receiver, long before, long after) {
        return new ReceiverImpact(receiver, before, after, 0, 0);
    }

    private static Enforcement member(String id, String account, EnforcementStatus status, Removed removed, List<ReceiverImpact> receivers) {
        EnforcementScope scope = new EnforcementScope(id, account, EnforcementAction.REMOVE_AND_WARN, 1, List.of("followboost"), T, T, List.of());
        return new Enforcement(id, account, EnforcementAction.REMOVE_AND_WARN, 1, status, List.of("bought follows"), "m1", "guard", scope,
                receivers, "held", removed, null, T, T, "case-1");
    }

    private static Enforcement lockstep(String id, String account, List<LockstepWindow> windows) {
        EnforcementScope scope = new EnforcementScope(id, account, EnforcementAction.REMOVE_AND_WARN, 1, List.of(), T, T, windows);
        return new Enforcement(id, account, EnforcementAction.REMOVE_AND_WARN, 1, EnforcementStatus.HELD, List.of("lockstep", "lockstep"), "m1",
                "guard", scope, List.of(), "held", Removed.NONE, "grp-1", T, T, "case-1");
    }
}
