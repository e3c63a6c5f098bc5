package dev.integrity.notify.messaging;

import static dev.integrity.notify.messaging.RecordValues.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.integrity.notify.model.EnforcementDetails;
import dev.integrity.notify.model.NewNotification;
import dev.integrity.notify.model.NotificationKind;
import dev.integrity.notify.model.Transition;

class AppealDecisionReaderTest {

    @Test
    void aDeniedAppealCallsForAppealDeniedKeyedByItsEnforcement() throws Exception {
        NewNotification message = AppealDecisionReader.read(utf8("""
                {"appealId":"ap-7","enforcementId":"enf-1","accountId":"acc-42","status":"DENIED",
                 "note":"same farm as case 17","decidedBy":"mod-anna","decidedAt":"2026-11-23T09:00:00Z","somethingNew":1}"""));
        assertEquals(NotificationKind.APPEAL_DENIED, message.kind());
        assertEquals(Transition.APPEAL_DENIED, message.transition());
        assertEquals("enf-1:APPEAL_DENIED", message.transitionKey(), "one per enforcement, which has at most one appeal");
        assertEquals("acc-42", message.accountId());
        assertEquals("enf-1", message.enforcementId());
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), message.enforcedAt(), "the time of the decision");
        EnforcementDetails details = message.details();
        assertEquals(OutcomeReader.UNKNOWN_ACTION, details.action(), "the enforcement's details come from its own message");
        assertEquals(0, details.followsRemoved() + details.likesRemoved() + details.commentsRemoved());
        assertEquals(List.of(), details.apps());
        assertFalse(message.toString().contains("case 17"), "the moderator's note is internal and not carried");
        assertFalse(message.toString().contains("mod-anna"));
    }

    @Test
    void aGrantedAppealCallsForNothingHere() throws Exception {
        assertNull(AppealDecisionReader.read(utf8("""
                {"appealId":"ap-7","enforcementId":"enf-1","accountId":"acc-42","status":"GRANTED",
                 "note":"a genuine fan club","decidedBy":"mod-anna","decidedAt":"2026-11-23T09:00:00Z"}""")));
        assertNull(AppealDecisionReader.read(utf8("{\"status\":\"GRANTED\"}")), "nothing is done with it, so nothing else is required");
    }

    @Test
    void poisonIsUnusable() {
        RecordValues.assertUnusable(AppealDecisionReader::read, List.of("", "not json", "null", "[]", "{}",
                "{\"appealId\":\"a\",\"enforcementId\":\"e\",\"accountId\":\"acc\",\"status\":\"OPEN\",\"decidedAt\":\"2026-11-23T09:00:00Z\"}",
                "{\"appealId\":\"a\",\"enforcementId\":\"e\",\"accountId\":\"acc\",\"status\":\"MAYBE\",\"decidedAt\":\"2026-11-23T09:00:00Z\"}",
                "{\"appealId\":\"a\",\"enforcementId\":\"e\",\"accountId\":\"acc\",\"decidedAt\":\"2026-11-23T09:00:00Z\"}",
                "{\"enforcementId\":\"e\",\"accountId\":\"acc\",\"status\":\"DENIED\",\"decidedAt\":\"2026-11-23T09:00:00Z\"}",
                "{\"appealId\":\"a\",\"accountId\":\"acc\",\"status\":\"DENIED\",\"decidedAt\":\"2026-11-23T09:00:00Z\"}",
                "{\"appealId\":\"a\",\"enforcementId\":\"" + "e".repeat(129) + "\",\"accountId\":\"acc\",\"status\":\"DENIED\",\"decidedAt\":\"2026-11-23T09:00:00Z\"}",
                "{\"appealId\":\"a\",\"enforcementId\":\"e\",\"accountId\":\"bad id!\",\"status\":\"DENIED\",\"decidedAt\":\"2026-11-23T09:00:00Z\"}",
                "{\"appealId\":\"a\",\"enforcementId\":\"e\",\"accountId\":\"acc\",\"status\":\"DENIED\"}",
                "{\"appealId\":\"a\",\"enforcementId\":\"e\",\"accountId\":\"acc\",\"status\":\"DENIED\",\"decidedAt\":\"yesterday\"}"));
    }
}
