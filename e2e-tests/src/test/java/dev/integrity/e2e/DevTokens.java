package dev.integrity.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Signs dev tokens with the key pair ./suite generated, exactly as ./suite token does. */
final class DevTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    static String token(String role, String subject) {
        try {
            String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}");
            long now = Instant.now().getEpochSecond();
            String payload = encode("""
                    {"iss":"%s","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}"""
                    .formatted(Suite.issuer(), subject, subject, role, now, now + 600, UUID.randomUUID()));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey());
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a dev token: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey() throws Exception {
        String pem = Files.readString(Path.of(Suite.env("JWT_PRIVATE_KEY_LOCATION", "../.suite/keys/dev-private.pem")));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
