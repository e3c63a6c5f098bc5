package dev.integrity.scoring.service;

import dev.integrity.contract.EventType;
import dev.integrity.scoring.decision.LockstepRules.BucketId;

/**
 * Every Redis key scoring reads or writes. The names are stored data: a change would orphan what
 * Redis holds. A target or account sits in braces so that a Redis Cluster keeps its keys together.
 */
final class RedisKeys {

    /** The blast-radius breaker (hash: state, reason, openedAt). */
    static final String GUARD_STATE = "guard:state";

    private RedisKeys() {
    }

    /** The breaker's counts for one minute of its rolling window (hash: removals, follows, followers). */
    static String guardWindow(long minute) {
        return "guard:window:" + minute;
    }

    /** One receiver's followers lost to enforcements within the loss window (hash: lost, base). */
    static String guardLoss(String receiver) {
        return "guard:loss:{" + receiver + "}";
    }

    /** A lockstep bucket: the accounts that acted on its target in its window (set). */
    static String lockstepBucket(BucketId b) {
        return "ls:{" + b.target() + "}:" + b.kind().name().charAt(0) + ":" + b.scheme() + ":" + b.index();
    }

    /** The bucket a {@link #lockstepBucket} key names, or null for a key of another shape (from before buckets had a kind). */
    static BucketId lockstepBucketOf(String key) {
        int close = key.lastIndexOf('}');
        String[] parts = key.substring(close + 2).split(":");
        if (parts.length != 3) {
            return null;
        }
        EventType kind = switch (parts[0]) {
            case "F" -> EventType.FOLLOW;
            case "L" -> EventType.LIKE;
            default -> null;
        };
        return kind == null ? null : new BucketId(kind, key.substring(key.indexOf('{') + 1, close), parts[1].charAt(0), Long.parseLong(parts[2]));
    }

    /** The crowded buckets an account is in (set of bucket keys). */
    static String lockstepCrowded(String account) {
        return "lsc:{" + account + "}";
    }

    /** An account's distinct targets per bucket window (hash: window id to count). */
    static String lockstepWindows(String account) {
        return "lsw:{" + account + "}";
    }
}
