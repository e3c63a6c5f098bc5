package dev.integrity.notify.model;

import java.util.List;

/**
 * What a message says about its enforcement: the action, the strike it was, what it removed (or a
 * reversal restored) and through which apps. A new message carries it from its record (or, for a
 * denied appeal, from the enforcement's APPLIED message); a stored one renders it.
 */
public record EnforcementDetails(
        String action,
        int strike,
        long followsRemoved,
        long likesRemoved,
        long commentsRemoved,
        List<String> apps) {

    public EnforcementDetails {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }
}
