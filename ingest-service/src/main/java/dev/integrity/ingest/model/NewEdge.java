package dev.integrity.ingest.model;

import java.time.Instant;

/**
 * A follow or like edge created by this batch. {@code owner} is the followee of a follow and the
 * media owner of a like. An UNFOLLOW / UNLIKE later in the same batch sets {@code endedAt}.
 */
public final class NewEdge {

    public final EdgeKey key;
    public final String owner;
    public final Instant createdAt;
    public final String eventId;
    public final String clientAppId;
    public final boolean thirdParty;
    public Instant endedAt;

    public NewEdge(EdgeKey key, String owner, Instant createdAt, String eventId, String clientAppId, boolean thirdParty) {
        this.key = key;
        this.owner = owner;
        this.createdAt = createdAt;
        this.eventId = eventId;
        this.clientAppId = clientAppId;
        this.thirdParty = thirdParty;
    }
}
