package dev.integrity.notify.messaging;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.AccountIds;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.EventType;
import dev.integrity.kafka.UnusableRecordException;
import dev.integrity.notify.model.RemediationEvent;
import dev.integrity.notify.model.RemediationStep;

/**
 * Picks the events resolution needs out of {@code account-events}: PASSWORD_CHANGED and
 * APP_REVOKED. Every other type is skipped; a record that is not a readable event, or a
 * PASSWORD_CHANGED / APP_REVOKED without what it needs, cannot be used.
 */
public final class RemediationReader {

    private RemediationReader() {
    }

    /** A record whose header names one of the other types (null: no usable header, read the record). */
    public static boolean skippable(EventType namedByHeader) {
        return namedByHeader != null && namedByHeader != EventType.PASSWORD_CHANGED && namedByHeader != EventType.APP_REVOKED;
    }

    /** @return the step, or null when the event is of a type resolution does not need */
    public static RemediationEvent read(byte[] value) throws UnusableRecordException {
        if (value == null || value.length == 0) {
            throw new UnusableRecordException("empty record");
        }
        AccountEvent event;
        try {
            event = EventJson.fromBytes(value);
        } catch (IllegalArgumentException e) {
            throw new UnusableRecordException(e.getMessage());
        }
        if (event == null || event.type() == null) {
            throw new UnusableRecordException("account event without a type");
        }
        if (event.type() != EventType.PASSWORD_CHANGED && event.type() != EventType.APP_REVOKED) {
            return null;
        }
        require(RecordIds.isId(event.eventId()), "eventId: required, " + RecordIds.ID_RULE);
        require(AccountIds.isValid(event.accountId()), "accountId: required, " + AccountIds.RULE);
        require(event.occurredAt() != null, "occurredAt: required");
        if (event.type() == EventType.PASSWORD_CHANGED) {
            return new RemediationEvent(event.eventId(), event.accountId(), RemediationStep.PASSWORD_CHANGED, "", event.occurredAt());
        }
        require(RecordIds.isId(event.appId()), "appId: required for APP_REVOKED, " + RecordIds.ID_RULE);
        return new RemediationEvent(event.eventId(), event.accountId(), RemediationStep.APP_REVOKED, event.appId(), event.occurredAt());
    }

    private static void require(boolean condition, String problem) throws UnusableRecordException {
        if (!condition) {
            throw new UnusableRecordException("invalid account event: " + problem);
        }
    }
}
