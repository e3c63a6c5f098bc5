package dev.integrity.gateway.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An issuer's JWKS served over HTTP by the JDK's own server, for the gateway under test to verify
 * tokens against (the gateway's {@code mp.jwt.verify.publickey.location} points at it). Three RSA
 * keys, "a", "b" and "c"; the JWKS first holds a and b, and {@link #rotate(Path)} replaces it with b and
 * c (a rotation that drops a). Everything the test needs lives in a folder named by the
 * {@code jwks-test.dir} property, not in shared memory: the private keys ({@code <kid>.key},
 * PKCS#8) and the JWKS files, read afresh on every request. Each answer says
 * {@code Cache-Control: max-age=1}, so the gateway fetches the JWKS again after one second.
 */
public class JwksServer implements QuarkusTestResourceLifecycleManager {

    static final String DIR_PROPERTY = "jwks-test.dir";
    private static final String SERVED = "jwks.json";
    private static final String ROTATED = "jwks-rotated.json";

    private HttpServer server;
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("jwks-test");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Map<String, String> jwks = new java.util.TreeMap<>();
            for (String kid : List.of("a", "b", "c")) {
                KeyPair pair = generator.generateKeyPair();
                Files.write(dir.resolve(kid + ".key"), pair.getPrivate().getEncoded());
                jwks.put(kid, jwk(kid, (RSAPublicKey) pair.getPublic()));
            }
            Files.writeString(dir.resolve(SERVED), set(jwks.get("a"), jwks.get("b")));
            Files.writeString(dir.resolve(ROTATED), set(jwks.get("b"), jwks.get("c")));

            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                byte[] body = Files.readAllBytes(dir.resolve(SERVED));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Cache-Control", "max-age=1");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return Map.of("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json",
                    DIR_PROPERTY, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The rotation: from now on the JWKS holds b and c, no longer a. */
    static void rotate(Path dir) throws IOException {
        Path next = Files.createTempFile(dir, "jwks", ".json");
        Files.copy(dir.resolve(ROTATED), next, StandardCopyOption.REPLACE_EXISTING);
        Files.move(next, dir.resolve(SERVED), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The private key of {@code kid}, to sign test tokens with. */
    static PrivateKey privateKey(Path dir, String kid) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve(kid + ".key"))));
    }

    private static String set(String... keys) {
        return Arrays.stream(keys).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    /** An RSA public key as a JSON Web Key (RFC 7517, 7518 section 6.3.1). */
    private static String jwk(String kid, RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + base64Url(key.getModulus())
                + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned, big-endian, no sign byte
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
