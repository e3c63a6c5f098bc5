package dev.integrity.notify.service;

/**
 * Every Redis key notify reads or writes (the live pub/sub channel is a setting, notify.live.channel).
 * The names are stored data: a change would orphan what Redis holds.
 */
final class RedisKeys {

    private RedisKeys() {
    }

    /** The transitions delivered to an account within the cap's window (sorted set, scored by time). */
    static String messageCap(String accountId) {
        return "notify:cap:" + accountId;
    }
}
