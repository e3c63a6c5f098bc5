package dev.integrity.simulator.api;

import java.util.Locale;

/** The roles of the API's tokens. */
public enum Role {
    INGEST, MODERATOR, USER;

    /** As {@code ./suite token} spells it. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
