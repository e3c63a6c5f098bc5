package dev.integrity.support.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling (the verified bearer token: at the gateway the client's, in an internal service the
 * one the gateway forwarded), and the rule that a user reaches only their own account. The roles are
 * the token's {@code groups}; a user's account is its {@code sub}.
 */
@RequestScoped
public class Caller {

    public static final String INGEST = "ingest";
    public static final String MODERATOR = "moderator";
    public static final String PLATFORM = "platform";
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

    /** Only the account's own user (not a moderator) may act for it: mark its messages read, appeal its enforcements. */
    public void requireOwner(String accountId) {
        if (!identity.hasRole(USER) || accountId == null || !accountId.equals(subject())) {
            throw new ForbiddenException("Only the account's own user may do this for account " + accountId + ".");
        }
    }
}
