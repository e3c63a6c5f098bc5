package dev.integrity.notify.messaging;

import static dev.integrity.notify.messaging.RecordValues.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.integrity.notify.model.NewNotification;
import dev.integrity.notify.model.NotificationKind;
import dev.integrity.notify.model.Transition;

class OutcomeReaderTest {

    @Test
    void readsAnAppliedWarning() throws Exception {
        NewNotification message = OutcomeReader.read(utf8("""
                {"enforcementId":"enf-1","accountId":"acc-42","action":"REMOVE_AND_WARN","strike":1,"status":"APPLIED",
                 "removed":{"follows":12,"likes":30,"comments":4},"apps":["followboost","followboost","likeblaster"],
                 "at":"2026-11-22T10:15:30Z","somethingNew":true}"""));
        assertEquals(NotificationKind.INAUTHENTIC_ACTIVITY_WARNING, message.kind());
        assertEquals(Transition.APPLIED, message.transition());
        assertEquals("enf-1:APPLIED", message.transitionKey());
        assertEquals(List.of("followboost", "likeblaster"), message.details().apps(), "each app once, in order");
        assertEquals(12, message.details().followsRemoved());
        assertEquals(30, message.details().likesRemoved());
        assertEquals(4, message.details().commentsRemoved());
        assertEquals(Instant.parse("2026-11-22T10:15:30Z"), message.enforcedAt());
    }

    @Test
    void aReversalNeedsNoKnownAction() throws Exception {
        NewNotification message = OutcomeReader.read(utf8("""
                {"enforcementId":"enf-1","accountId":"acc-42","status":"REVERTED","at":"2026-11-22T10:15:30Z"}"""));
        assertEquals(NotificationKind.ENFORCEMENT_REVERSED, message.kind());
        assertEquals(OutcomeReader.UNKNOWN_ACTION, message.details().action());
        assertEquals(0, message.details().followsRemoved());
    }

    @Test
    void poisonIsUnusable() {
        RecordValues.assertUnusable(OutcomeReader::read, List.of("", "not json", "null", "[]",
                "{\"enforcementId\":\"e\",\"accountId\":\"acc\",\"action\":\"REMOVE_AND_WARN\",\"status\":\"MAYBE\",\"at\":\"2026-11-22T10:15:30Z\"}",
                "{\"accountId\":\"acc\",\"action\":\"REMOVE_AND_WARN\",\"status\":\"APPLIED\",\"at\":\"2026-11-22T10:15:30Z\"}",
                "{\"enforcementId\":\"e\",\"accountId\":\"bad id!\",\"action\":\"BLOCK\",\"status\":\"APPLIED\",\"at\":\"2026-11-22T10:15:30Z\"}",
                "{\"enforcementId\":\"e\",\"accountId\":\"acc\",\"action\":\"BLOCK\",\"status\":\"APPLIED\"}",
                "{\"enforcementId\":\"e\",\"accountId\":\"acc\",\"action\":\"NUKE\",\"status\":\"APPLIED\",\"at\":\"2026-11-22T10:15:30Z\"}",
                "{\"enforcementId\":\"e\",\"accountId\":\"acc\",\"action\":\"BLOCK\",\"status\":\"APPLIED\",\"at\":\"2026-11-22T10:15:30Z\",\"apps\":[\"\"]}",
                "{\"enforcementId\":\"e\",\"accountId\":\"acc\",\"action\":\"BLOCK\",\"status\":\"APPLIED\",\"at\":\"2026-11-22T10:15:30Z\",\"removed\":{\"follows\":-1,\"likes\":0,\"comments\":0}}"));
    }
}
