package dev.integrity.contract;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of account event in contract v1. */
public enum EventType {
    FOLLOW,
    UNFOLLOW,
    LIKE,
    UNLIKE,
    COMMENT,
    MEDIA_POSTED,
    LOGIN,
    APP_AUTHORIZED,
    APP_REVOKED,
    PASSWORD_CHANGED,
    PROFILE_SNAPSHOT;

    private static final Set<EventType> WITH_TARGET = EnumSet.of(FOLLOW, UNFOLLOW, LIKE, UNLIKE, COMMENT);
    private static final Set<EventType> WITH_MEDIA = EnumSet.of(LIKE, UNLIKE, COMMENT, MEDIA_POSTED);
    private static final Set<EventType> WITH_APP = EnumSet.of(APP_AUTHORIZED, APP_REVOKED);
    private static final Set<EventType> ENGAGEMENT = EnumSet.of(FOLLOW, LIKE, COMMENT);

    /** {@code targetAccountId} is required (the followed account, or the media owner). */
    public boolean requiresTarget() {
        return WITH_TARGET.contains(this);
    }

    /** {@code mediaId} is required. */
    public boolean requiresMedia() {
        return WITH_MEDIA.contains(this);
    }

    /** {@code text} is required. */
    public boolean requiresText() {
        return this == COMMENT;
    }

    /** {@code appId} is required (the third-party app granted or revoked). */
    public boolean requiresAppId() {
        return WITH_APP.contains(this);
    }

    /** {@code profile} is required. */
    public boolean requiresProfile() {
        return this == PROFILE_SNAPSHOT;
    }

    /** Engagement given to another account: follow, like, comment. */
    public boolean isEngagement() {
        return ENGAGEMENT.contains(this);
    }
}
