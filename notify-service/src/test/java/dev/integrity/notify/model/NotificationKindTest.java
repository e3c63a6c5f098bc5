package dev.integrity.notify.model;

import static dev.integrity.contract.enforcement.EnforcementOutcome.Status.APPLIED;
import static dev.integrity.contract.enforcement.EnforcementOutcome.Status.REVERTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.integrity.contract.enforcement.EnforcementAction.BLOCK;
import static dev.integrity.contract.enforcement.EnforcementAction.REMOVE_AND_WARN;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.integrity.contract.review.AppealStatus;

class NotificationKindTest {

    @Test
    void eachTransitionHasItsKind() {
        assertEquals(NotificationKind.INAUTHENTIC_ACTIVITY_WARNING, NotificationKind.of(APPLIED, REMOVE_AND_WARN, 1));
        assertEquals(NotificationKind.FINAL_WARNING, NotificationKind.of(APPLIED, REMOVE_AND_WARN, 2));
        assertEquals(NotificationKind.FINAL_WARNING, NotificationKind.of(APPLIED, REMOVE_AND_WARN, 5));
        assertEquals(NotificationKind.ACCOUNT_BLOCKED, NotificationKind.of(APPLIED, BLOCK, 3));
        assertEquals(NotificationKind.ACCOUNT_BLOCKED, NotificationKind.of(APPLIED, BLOCK, 1));
        assertEquals(NotificationKind.ENFORCEMENT_REVERSED, NotificationKind.of(REVERTED, REMOVE_AND_WARN, 1));
        assertEquals(NotificationKind.ENFORCEMENT_REVERSED, NotificationKind.of(REVERTED, BLOCK, 3));
        assertEquals(NotificationKind.ENFORCEMENT_REVERSED, NotificationKind.of(REVERTED, null, 0));
    }

    @Test
    void aMissingStrikeOnAWarningIsAFirstWarning() {
        assertEquals(NotificationKind.INAUTHENTIC_ACTIVITY_WARNING, NotificationKind.of(APPLIED, REMOVE_AND_WARN, 0));
    }

    @Test
    void anApplicationWithoutItsActionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NotificationKind.of(APPLIED, null, 1));
    }

    @Test
    void warningsAskToSecureTheAccountAndOnlyWarningsAreCapped() {
        List<UserAction> secure = List.of(UserAction.CHANGE_PASSWORD, UserAction.REVIEW_CONNECTED_APPS);
        assertEquals(secure, NotificationKind.INAUTHENTIC_ACTIVITY_WARNING.actions());
        assertEquals(secure, NotificationKind.FINAL_WARNING.actions());
        assertEquals(secure, NotificationKind.ACCOUNT_BLOCKED.actions());
        assertEquals(List.of(), NotificationKind.ENFORCEMENT_REVERSED.actions());
        assertTrue(NotificationKind.INAUTHENTIC_ACTIVITY_WARNING.isCapped());
        assertTrue(NotificationKind.FINAL_WARNING.isCapped());
        assertFalse(NotificationKind.ACCOUNT_BLOCKED.isCapped());
        assertFalse(NotificationKind.ENFORCEMENT_REVERSED.isCapped());
        assertFalse(NotificationKind.ENFORCEMENT_REVERSED.isResolvable());
    }

    @Test
    void aDeniedAppealIsToldAndAGrantedOneIsLeftToItsReversal() {
        assertEquals(NotificationKind.APPEAL_DENIED, NotificationKind.ofAppeal(AppealStatus.DENIED));
        assertNull(NotificationKind.ofAppeal(AppealStatus.GRANTED), "the revert's outcome gives ENFORCEMENT_REVERSED");
        assertThrows(IllegalArgumentException.class, () -> NotificationKind.ofAppeal(AppealStatus.OPEN));
    }

    @Test
    void aDeniedAppealAsksNothingOfItsOwnAndAlwaysReachesThePerson() {
        assertEquals(List.of(), NotificationKind.APPEAL_DENIED.actions());
        assertFalse(NotificationKind.APPEAL_DENIED.isResolvable());
        assertFalse(NotificationKind.APPEAL_DENIED.isCapped());
    }
}
