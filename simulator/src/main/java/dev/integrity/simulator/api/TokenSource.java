package dev.integrity.simulator.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where bearer tokens come from: given on the command line, or {@code ./suite token}. */
@FunctionalInterface
public interface TokenSource {

    /**
     * @param accountId the account of a {@link Role#USER} token (its {@code sub}); for the other roles null (the default
     *                  subject) or a subject of its own, e.g. one per ingest client
     * @throws TokenException if there is none
     */
    String token(Role role, String accountId);

    /** Remembers every token it hands out (dev tokens live for hours; a run takes minutes). */
    default TokenSource cached() {
        TokenSource source = this;
        Map<String, String> cache = new ConcurrentHashMap<>();
        return (role, accountId) -> cache.computeIfAbsent(role + "/" + (accountId == null ? "" : accountId),
                k -> source.token(role, accountId));
    }

    /** These tokens where given (blank ones ignored), this source for the rest. */
    static TokenSource preferring(Map<Role, String> given, TokenSource fallback) {
        Map<Role, String> fixed = new EnumMap<>(Role.class);
        given.forEach((role, token) -> {
            if (token != null && !token.isBlank()) {
                fixed.put(role, token.strip());
            }
        });
        return (role, accountId) -> role != Role.USER && fixed.containsKey(role) ? fixed.get(role) : fallback.token(role, accountId);
    }
}
