package dev.integrity.notify.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling (the token the gateway forwarded, verified here), and the gateway's rule that a user
 * reaches only their own account (its Caller): this service's one place for that check.
 */
@RequestScoped
public class Caller {

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
        requireOwner(accountId);
    }

    /** Only the account's own user (not a moderator) may act for it. */
    public void requireOwner(String accountId) {
        if (!identity.hasRole(USER) || accountId == null || !accountId.equals(subject())) {
            throw new ForbiddenException("Only the account's own user may do this for account " + accountId + ".");
        }
    }
}
