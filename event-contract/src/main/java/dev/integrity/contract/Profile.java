package dev.integrity.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A snapshot of an account's public profile, carried by {@link EventType#PROFILE_SNAPSHOT} events.
 *
 * @param externalUrl may be null
 * @param createdAt   may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(
        @JsonProperty("username") String username,
        @JsonProperty("fullName") String fullName,
        @JsonProperty("biography") String biography,
        @JsonProperty("externalUrl") String externalUrl,
        @JsonProperty("hasProfilePicture") boolean hasProfilePicture,
        @JsonProperty("isPrivate") boolean isPrivate,
        @JsonProperty("mediaCount") long mediaCount,
        @JsonProperty("followerCount") long followerCount,
        @JsonProperty("followingCount") long followingCount,
        @JsonProperty("createdAt") Instant createdAt) {
}
