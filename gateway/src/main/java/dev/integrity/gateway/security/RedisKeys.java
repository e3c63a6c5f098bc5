package dev.integrity.gateway.security;

/** Every Redis key the gateway reads or writes. The names are stored data: a change would orphan what Redis holds. */
final class RedisKeys {

    private RedisKeys() {
    }

    /** Requests counted for one token (its hash) on one route in one minute. */
    static String rateWindow(String tokenHash, String route, long minute) {
        return "rl:" + tokenHash + ":" + route + ":" + minute;
    }
}
