package dev.integrity.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/**
 * The gateway verifying tokens against an issuer's JWKS URL (instead of a fixed key), through a key
 * rotation: a token is accepted when the JWKS has its key (by kid), and refused once the JWKS no longer
 * has it. The JWKS ({@link JwksServer}) is served locally and asks to be cached for one second; the
 * smallest refresh interval smallrye-jwt takes is a minute, so the answer's Cache-Control decides here,
 * as an issuer's does in production. Accepted means let through to the route: its downstream service
 * is unreachable in tests, so 503; refused is 401.
 */
@QuarkusTest
@TestProfile(JwksRotationIT.JwksProfile.class)
class JwksRotationIT {

    public static class JwksProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smallrye.jwt.jwks.refresh-interval", "1", "smallrye.jwt.jwks.forced-refresh-interval", "1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwksServer.class));
        }
    }

    private static Path keys() {
        return Path.of(ConfigProvider.getConfig().getValue(JwksServer.DIR_PROPERTY, String.class));
    }

    /** A moderator's token signed with the key {@code kid}, naming it in its header. */
    private static String signedBy(String kid) throws Exception {
        return Jwt.subject("mod-1").groups(Set.of("moderator")).expiresIn(300).jws().keyId(kid).sign(JwksServer.privateKey(keys(), kid));
    }

    private static int status(String token) {
        Response response = given().auth().oauth2(token).when().get("/api/v1/guard");
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        return response.statusCode();
    }

    @Test
    void aTokenIsAcceptedWhileTheJwksHasItsKeyAndRefusedAfterTheRotationDroppedIt() throws Exception {
        String a = signedBy("a");
        String b = signedBy("b");
        String c = signedBy("c");
        assertEquals(503, status(a), "signed by a key in the JWKS");
        assertEquals(503, status(b), "signed by the other key in the JWKS");
        assertEquals(401, status(c), "signed by a key the JWKS does not have (yet)");
        String mixed = a.substring(0, a.lastIndexOf('.') + 1) + b.substring(b.lastIndexOf('.') + 1);
        assertEquals(401, status(mixed), "kid a with b's signature");

        JwksServer.rotate(keys());

        // Refused from the gateway's next fetch of the JWKS on (its answer is cached for one second).
        long deadline = System.currentTimeMillis() + 15_000;
        int afterRotation = status(a);
        while (afterRotation != 401 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            afterRotation = status(a);
        }
        assertEquals(401, afterRotation, "signed by the key the rotation removed");
        assertEquals(503, status(c), "signed by the key the rotation added");
        assertEquals(503, status(b), "signed by the key kept");
        assertEquals(503, status(signedBy("c")), "a new token of the new key");
    }
}
