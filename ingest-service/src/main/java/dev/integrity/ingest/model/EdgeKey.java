package dev.integrity.ingest.model;

/** A follow (follower, followee) or a like (account, mediaId): at most one of each is active. */
public record EdgeKey(String actor, String object) {
}
