package dev.integrity.notify.messaging;

import static dev.integrity.notify.messaging.RecordValues.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import dev.integrity.contract.EventType;
import dev.integrity.kafka.CloudEvents;
import dev.integrity.kafka.UnusableRecordException;
import dev.integrity.notify.model.RemediationEvent;
import dev.integrity.notify.model.RemediationStep;

class RemediationReaderTest {

    @Test
    void readsPasswordChangesAndRevocations() throws Exception {
        RemediationEvent password = RemediationReader.read(utf8("""
                {"eventId":"e-1","type":"PASSWORD_CHANGED","accountId":"acc-42","occurredAt":"2026-11-22T10:15:30Z"}"""));
        assertEquals(RemediationStep.PASSWORD_CHANGED, password.step());
        assertEquals("", password.appId());
        assertEquals(Instant.parse("2026-11-22T10:15:30Z"), password.occurredAt());

        RemediationEvent revoked = RemediationReader.read(utf8("""
                {"eventId":"e-2","type":"APP_REVOKED","accountId":"acc-42","occurredAt":"2026-11-22T10:15:30Z","appId":"followboost"}"""));
        assertEquals(RemediationStep.APP_REVOKED, revoked.step());
        assertEquals("followboost", revoked.appId());
    }

    @Test
    void aRecordWhoseHeaderNamesAnotherTypeIsSkippedUnreadAndTheRestAreRead() {
        for (EventType type : EventType.values()) {
            EventType named = CloudEvents.accountEventType(CloudEvents.accountEvent("e-" + type, type, Instant.EPOCH));
            assertEquals(type, named, "ce_type names the type it was written with");
            assertEquals(type != EventType.PASSWORD_CHANGED && type != EventType.APP_REVOKED, RemediationReader.skippable(named), type.name());
        }
        assertFalse(RemediationReader.skippable(CloudEvents.accountEventType(new RecordHeaders())), "no header: the record is read");
        RecordHeaders foreign = CloudEvents.headers("e-new", CloudEvents.ACCOUNT_EVENT_TYPE + "SOMETHING_NEW", "/elsewhere");
        assertFalse(RemediationReader.skippable(CloudEvents.accountEventType(foreign)), "an unknown type: the record is read (and judged)");
        foreign = CloudEvents.headers("e-other", "com.example.other", "/elsewhere");
        assertFalse(RemediationReader.skippable(CloudEvents.accountEventType(foreign)));
    }

    @Test
    void otherEventsAreSkipped() throws Exception {
        assertNull(RemediationReader.read(utf8("""
                {"eventId":"e-3","type":"FOLLOW","accountId":"acc-42","occurredAt":"2026-11-22T10:15:30Z","targetAccountId":"acc-7"}""")));
    }

    @Test
    void poisonIsUnusable() {
        assertThrows(UnusableRecordException.class, () -> RemediationReader.read(utf8("[not an event")));
        assertThrows(UnusableRecordException.class, () -> RemediationReader.read(new byte[0]));
        assertThrows(UnusableRecordException.class, () -> RemediationReader.read(utf8("""
                {"eventId":"e-4","type":"APP_REVOKED","accountId":"acc-42","occurredAt":"2026-11-22T10:15:30Z"}""")));
        assertThrows(UnusableRecordException.class, () -> RemediationReader.read(utf8("""
                {"eventId":"e-5","type":"PASSWORD_CHANGED","accountId":"acc-42"}""")));
    }
}
