package dev.integrity.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Hostile input against every route of the gateway: generated malformed bodies (wrong types,
 * missing and extra fields, huge strings and arrays, deep nesting, invalid UTF-8, duplicate keys,
 * numbers out of range, truncated JSON, byte-level mutations), wrong content types, odd path and
 * query values, a slow body. Every answer must be a 2xx or a 4xx problem+json, never a 5xx, and the
 * gateway and ingest must stay up with bounded memory. The figures go to target/chaos/hostile.json.
 */
class HostileInputE2E {

    private static final String VALID = """
            {"eventId":"%s","type":"FOLLOW","accountId":"acc-h1","occurredAt":"%s","clientAppId":"official-ios","targetAccountId":"acc-h2"}""";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(Long.getLong("hostile.seed", 20261122L));
    private final AtomicInteger tried = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private String ingestToken = DevTokens.token("ingest", "hostile-0");

    private String valid() {
        return VALID.formatted("h-" + random.nextLong(), Instant.now().minusSeconds(60));
    }

    /** Sends one request and checks the answer; a new token every 400 requests keeps the rate limit out of the way. */
    private void expectNo5xx(String what, String method, String path, String contentType, byte[] body, String token) {
        int n = tried.incrementAndGet();
        if (n % 400 == 0) {
            ingestToken = DevTokens.token("ingest", "hostile-" + n);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Suite.gateway() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
                failures.add(what.substring(0, Math.min(what.length(), 120)) + " -> " + status + " " + type + " " + response.body().substring(0, Math.min(200, response.body().length())));
            }
        } catch (Exception e) {
            failures.add(what.substring(0, Math.min(what.length(), 120)) + " -> no answer: " + e);
        }
    }

    private void event(String what, String body) {
        expectNo5xx(what, "POST", "/api/v1/events", "application/json", body.getBytes(StandardCharsets.UTF_8), ingestToken);
    }

    @Test
    void malformedInputNeverGetsA5xx() throws Exception {
        String[] fields = { "eventId", "type", "accountId", "occurredAt", "clientAppId", "ip", "deviceId", "targetAccountId", "mediaId", "text", "appId", "profile" };
        String[] values = { "null", "true", "0", "-1", "1e400", "-1e400", "123456789012345678901234567890", "1.5", "\"\"", "[]", "{}",
                "[1,2,3]", "{\"a\":1}", "\"" + "x".repeat(100_000) + "\"", "\"\\u0000\"", "\"\\ud800\"", "\"<script>alert(1)</script>\"",
                "\"../../etc/passwd\"", "\"' OR 1=1 --\"", "\"2026-13-45T99:99:99Z\"", "\"FOLLOW\"", "\"9999-12-31T23:59:59Z\"" };
        // Every field with every hostile value.
        for (String field : fields) {
            for (String value : values) {
                event("field " + field + " = " + value.substring(0, Math.min(value.length(), 30)),
                        valid().replaceFirst("\\}$", ",\"" + field + "\":" + value + "}").replaceFirst("\"" + field + "\":\"[^\"]*\",", ""));
            }
        }
        // Missing fields, extra fields, duplicate keys.
        for (String field : fields) {
            event("without " + field, valid().replaceFirst("\"" + field + "\":\"[^\"]*\",?", ""));
            event("duplicate " + field, valid().replaceFirst("\\{", "{\"" + field + "\":\"dup\","));
        }
        event("many extra fields", valid().replaceFirst("\\}$", ",\"x\":" + "[".repeat(10) + "1" + "]".repeat(10) + ",\"y\":{\"z\":[{}]}}"));
        // Structure: deep nesting, huge arrays, not an object, truncation.
        event("deep nesting", "[".repeat(100_000) + "]".repeat(100_000));
        event("deep object nesting", "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000));
        event("10,001 events", "[" + String.join(",", java.util.Collections.nCopies(10_001, "{}")) + "]");
        event("array of scalars", "[1,\"a\",null,true]");
        event("empty body", "");
        event("empty array", "[]");
        event("a string", "\"hello\"");
        String whole = "[" + valid() + "," + valid() + "]";
        for (int cut = 1; cut < whole.length(); cut += 7) {
            event("truncated at " + cut, whole.substring(0, cut));
        }
        // Byte-level mutations of valid batches, including invalid UTF-8.
        byte[] base = ("[" + valid() + "," + valid() + "]").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1500; i++) {
            byte[] mutated = base.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            expectNo5xx("mutation " + i, "POST", "/api/v1/events", "application/json", mutated, ingestToken);
        }
        for (byte[] bad : List.of(new byte[] { (byte) 0xC3, (byte) 0x28 }, new byte[] { '{', '"', (byte) 0xFF, '"', ':', '1', '}' },
                new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 })) {
            expectNo5xx("invalid UTF-8", "POST", "/api/v1/events", "application/json", bad, ingestToken);
        }
        // NDJSON with garbage lines.
        expectNo5xx("ndjson garbage", "POST", "/api/v1/events", "application/x-ndjson",
                (valid() + "\n\u0000\u0001\n{\n" + valid()).getBytes(StandardCharsets.UTF_8), ingestToken);
        // Wrong content types.
        for (String type : new String[] { "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1",
                "application/x-www-form-urlencoded", "*/*", "application/json-patch+json" }) {
            expectNo5xx("content type " + type, "POST", "/api/v1/events", type, valid().getBytes(StandardCharsets.UTF_8), ingestToken);
        }
        expectNo5xx("no content type", "POST", "/api/v1/events", null, valid().getBytes(StandardCharsets.UTF_8), ingestToken);
        // Every other route with odd ids and parameters.
        String moderator = DevTokens.token("moderator", "hostile-mod");
        String[] ids = { "x", "%00", "..%2F..%2Fetc", "a%20b", "%E2%80%AE", "x".repeat(300), "%FF%FE", "acc-1;DROP", "%7B%7D" };
        for (String id : ids) {
            expectNo5xx("account " + id, "GET", "/api/v1/accounts/" + id, null, null, moderator);
            expectNo5xx("inbox " + id, "GET", "/api/v1/accounts/" + id + "/notifications?page=-1&size=abc", null, null, moderator);
            expectNo5xx("impact " + id, "GET", "/api/v1/enforcements/" + id + "/impact", null, null, moderator);
            for (String action : new String[] { "approve", "reject", "revert" }) {
                expectNo5xx(action + " " + id, "POST", "/api/v1/enforcements/" + id + "/" + action, "application/json", "{]".getBytes(), moderator);
            }
            expectNo5xx("read " + id, "POST", "/api/v1/accounts/" + id + "/notifications/" + id + "/read", null, null,
                    DevTokens.token("user", "acc-h1"));
        }
        for (String status : new String[] { "BOGUS", "%00", "applied", "x".repeat(5000) }) {
            expectNo5xx("status filter " + status, "GET", "/api/v1/enforcements?status=" + status + "&accountId=%00", null, null, moderator);
        }
        expectNo5xx("guard with a body", "POST", "/api/v1/guard/resume", "application/json", "x".repeat(1000).getBytes(), DevTokens.token("user", "u"));
        slowBody();

        long gatewayRss = rssKb("gateway");
        long ingestRss = rssKb("ingest");
        Files.createDirectories(Path.of("target/chaos"));
        Files.writeString(Path.of("target/chaos/hostile.json"), """
                {"requests": %d, "violations": %d, "gatewayRssKb": %d, "ingestRssKb": %d}
                """.formatted(tried.get(), failures.size(), gatewayRss, ingestRss));
        assertTrue(failures.isEmpty(), failures.size() + " of " + tried.get() + " answers were 5xx or not problem+json:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        for (String port : List.of(Suite.env("GATEWAY_PORT", "8080"), Suite.env("INGEST_PORT", "8081"))) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "still alive on " + port);
        }
        assertTrue(gatewayRss < 1_500_000 && ingestRss < 1_500_000, "memory stays bounded: gateway " + gatewayRss + " kB, ingest " + ingestRss + " kB");
    }

    /** A body trickling in over two seconds is still read and answered properly. */
    private void slowBody() throws Exception {
        byte[] body = ("[" + valid() + "]").getBytes(StandardCharsets.UTF_8);
        URI gateway = URI.create(Suite.gateway());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ingestToken
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes());
            for (int i = 0; i < body.length; i += body.length / 10 + 1) {
                out.write(body, i, Math.min(body.length / 10 + 1, body.length - i));
                out.flush();
                Thread.sleep(200);
            }
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            tried.incrementAndGet();
            if (!statusLine.startsWith("HTTP/1.1 202")) {
                failures.add("slow body -> " + statusLine);
            }
        }
    }

    private static long rssKb(String component) {
        try {
            String pid = Files.readString(Path.of("../.suite/pids/" + component)).trim();
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // Not started by ./suite (e.g. running against another deployment): nothing to measure.
        }
        return 0;
    }
}
