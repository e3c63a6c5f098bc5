package dev.integrity.support.testing;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import dev.integrity.support.security.Caller;
import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for the services' tests, as a client sends them to the gateway and the gateway forwards them: RS256 JWTs
 * signed with the dev key pair's private half ({@code smallrye.jwt.sign.key.location}, the same key
 * files as the gateway's tests), the role in {@code groups} and the account in {@code sub}. Also the
 * tokens a service must refuse: expired, and signed with a key no one trusts.
 */
public final class Tokens {

    private static PrivateKey foreignKey;

    private Tokens() {
    }

    /** A valid token of {@code role} for {@code subject}. */
    public static String of(String subject, String role) {
        return Jwt.subject(subject).groups(Set.of(role)).expiresIn(300).sign();
    }

    public static String ingest() {
        return of("integrator-1", Caller.INGEST);
    }

    public static String moderator() {
        return of("mod-1", Caller.MODERATOR);
    }

    public static String platform() {
        return of("platform-1", Caller.PLATFORM);
    }

    /** The token of the user whose account is {@code accountId}. */
    public static String user(String accountId) {
        return of(accountId, Caller.USER);
    }

    /** A moderator's token that expired an hour ago. */
    public static String expired() {
        return Jwt.subject("mod-1").groups(Set.of(Caller.MODERATOR))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    /** A moderator's token signed with a key this suite does not trust. */
    public static synchronized String forged() {
        if (foreignKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                foreignKey = generator.generateKeyPair().getPrivate();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return Jwt.subject("mod-1").groups(Set.of(Caller.MODERATOR)).expiresIn(300).sign(foreignKey);
    }
}
