package dev.integrity.gateway.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, and the rule that a user only reaches their own account. */
@RequestScoped
public class Caller {

    public static final String INGEST = "ingest";
    public static final String MODERATOR = "moderator";
    public static final String USER = "user";

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public Caller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public String subject() {
        return jwt.getSubject();
    }

    public boolean isModerator() {
        return identity.hasRole(MODERATOR);
    }

    /** Moderators reach every account; a user only the account in their token's sub. */
    public void requireAccess(String accountId) {
        if (isModerator()) {
            return;
        }
        if (!identity.hasRole(USER) || !accountId.equals(subject())) {
            throw new io.quarkus.security.ForbiddenException("A user token reaches only its own account.");
        }
    }

    /** Only the account's own user (not a moderator) may act for it: mark its messages read, appeal its enforcements. */
    public void requireOwner(String accountId) {
        if (!identity.hasRole(USER) || !accountId.equals(subject())) {
            throw new io.quarkus.security.ForbiddenException("Only the account's own user may do this for account " + accountId + ".");
        }
    }

}
