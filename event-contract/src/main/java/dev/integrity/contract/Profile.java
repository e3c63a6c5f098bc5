package dev.integrity.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A snapshot of an account's public profile, carried by {@link EventType#PROFILE_SNAPSHOT} events.
 *
 * @param externalUrl may be null
 * @param createdAt   may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(
        String username,
        String fullName,
        String biography,
        String externalUrl,
        boolean hasProfilePicture,
        boolean isPrivate,
        long mediaCount,
        long followerCount,
        long followingCount,
        Instant createdAt) {
}
