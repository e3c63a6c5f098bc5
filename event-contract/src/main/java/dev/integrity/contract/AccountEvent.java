package dev.integrity.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One v1 account event. Build it with {@link EventValidator} from untrusted JSON; every field that
 * the contract marks optional, or that does not belong to the event's type, may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountEvent(
        String eventId,
        EventType type,
        String accountId,
        Instant occurredAt,
        String clientAppId,
        String ip,
        String deviceId,
        String targetAccountId,
        String mediaId,
        String text,
        String appId,
        Profile profile) {
}
