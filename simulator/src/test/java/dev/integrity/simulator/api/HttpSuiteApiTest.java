package dev.integrity.simulator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.simulator.send.HttpEventsEndpoint;
import dev.integrity.simulator.send.SendReport;
import dev.integrity.simulator.send.Sender;
import dev.integrity.simulator.send.SenderOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP clients against an in-process stand-in for the gateway (the JDK's HttpServer). */
class HttpSuiteApiTest {

    private HttpServer server;
    private String base;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().toString();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        seen.add(x.getRequestMethod() + " " + path + " " + auth);
        int n = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("/api/v1/accounts/a1") && n == 1) {
            x.getResponseHeaders().add("Retry-After", "0");
            reply(x, 429, "{\"status\":429,\"title\":\"Too Many Requests\"}");
        } else if (path.equals("/api/v1/accounts/a1")) {
            reply(x, 200, """
                    {"accountId":"a1","status":"WARNED","riskScore":0.93,"modelVersion":"m-7","reasons":["r1"],"strikes":1,
                     "followerCount":12,"followingCount":3,"removed":{"follows":4,"likes":2,"comments":0},"groupId":"g-9",
                     "flaggedApps":["followboost"],"somethingNew":true}""");
        } else if (path.startsWith("/api/v1/accounts/nobody")) {
            reply(x, 404, "{\"status\":404,\"title\":\"Not Found\"}");
        } else if (path.startsWith("/api/v1/enforcements?")) {
            reply(x, 200, "[{\"id\":\"e1\",\"accountId\":\"a1\",\"action\":\"REMOVE_AND_WARN\",\"status\":\"APPLIED\",\"reasons\":[],"
                    + "\"removed\":{\"follows\":4,\"likes\":2,\"comments\":0},\"createdAt\":\"2026-11-22T10:00:00Z\",\"decidedBy\":\"policy\"}]");
        } else if (path.equals("/api/v1/enforcements/e1/impact")) {
            reply(x, 200, "[{\"accountId\":\"c1\",\"followersBefore\":10,\"followersAfter\":6,\"likesRemoved\":2,\"commentsRemoved\":0}]");
        } else if (path.equals("/api/v1/guard")) {
            reply(x, 200, "{\"state\":\"CLOSED\",\"reason\":null,\"openedAt\":null}");
        } else if (path.equals("/api/v1/accounts/a1/notifications")) {
            reply(x, 200, "[{\"id\":\"n1\",\"kind\":\"INAUTHENTIC_ACTIVITY_WARNING\",\"title\":\"t\",\"body\":\"b\",\"actions\":[\"CHANGE_PASSWORD\"],"
                    + "\"apps\":[\"followboost\"],\"locale\":\"en\",\"createdAt\":\"2026-11-22T10:00:00Z\",\"readAt\":null}]");
        } else if (path.equals("/api/v1/accounts/a1/notifications/n1/read")) {
            reply(x, 204, null);
        } else if (path.equals("/api/v1/events")) {
            int events = body.split("\"eventId\"").length - 1;
            reply(x, 202, "{\"accepted\":" + events + ",\"duplicates\":0,\"rejected\":[]}");
        } else if (path.equals("/api/v1/forbidden")) {
            reply(x, 403, "{\"title\":\"Forbidden\",\"detail\":\"no\"}");
        } else {
            reply(x, 500, "{\"title\":\"unexpected " + path + "\"}");
        }
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        if (body != null) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    private static final TokenSource TOKENS = (role, account) -> role.cliName() + (account == null ? "" : ":" + account);

    @Test
    void readsTheModeratorApiWithTheRightTokensAndWaitsOutRateLimits() {
        HttpSuiteApi api = new HttpSuiteApi(Http.client(), base, TOKENS);
        AccountView a = api.account("a1").orElseThrow();
        assertEquals(AccountStatus.WARNED, a.accountStatus());
        assertEquals(12, a.followerCount());
        assertEquals(4, a.removed().follows());
        assertEquals("g-9", a.groupId());
        assertEquals(2, hits.get("/api/v1/accounts/a1").get(), "retried after the 429");
        assertTrue(api.account("nobody").isEmpty());

        assertEquals("e1", api.enforcements(EnforcementStatus.APPLIED, "a1").getFirst().id());
        assertTrue(seen.contains("GET /api/v1/enforcements?status=APPLIED&accountId=a1 Bearer moderator"), seen.toString());
        assertEquals(6, api.impact("e1").getFirst().followersAfter());
        assertEquals("CLOSED", api.guard().state());

        assertEquals(List.of("followboost"), api.notifications("a1").getFirst().apps());
        assertTrue(seen.contains("GET /api/v1/accounts/a1/notifications Bearer user:a1"), "the account's own user token");
        api.markRead("a1", "n1");
        assertTrue(seen.contains("POST /api/v1/accounts/a1/notifications/n1/read Bearer user:a1"));
    }

    @Test
    void withoutUserTokensInboxesAreReadAsModerator() {
        TokenSource noUsers = (role, account) -> {
            if (role == Role.USER) {
                throw new TokenException("no user tokens here");
            }
            return "mod";
        };
        HttpSuiteApi api = new HttpSuiteApi(Http.client(), base, noUsers);
        assertEquals(1, api.notifications("a1").size());
        assertTrue(seen.contains("GET /api/v1/accounts/a1/notifications Bearer mod"));
        assertEquals("no user tokens here", api.userTokenProblem());
    }

    @Test
    void errorsNameTheCallAndTheProblem() {
        HttpSuiteApi api = new HttpSuiteApi(Http.client(), base, TOKENS);
        ApiException e = assertThrows(ApiException.class, () -> api.impact("boom"));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("/api/v1/enforcements/boom/impact answered 500"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HttpSuiteApi(Http.client(), "not a url", TOKENS));
    }

    @Test
    void theSenderPostsJsonArraysWithTheIngestToken() {
        List<AccountEvent> events = List.of(
                new AccountEvent("x-1", EventType.LOGIN, "a1", Instant.parse("2026-11-22T10:00:00Z"), null, null, null, null, null, null, null,
                        null),
                new AccountEvent("x-2", EventType.LOGIN, "a1", Instant.parse("2026-11-22T10:00:01Z"), null, null, null, null, null, null, null,
                        null));
        SendReport r = new Sender(new HttpEventsEndpoint(Http.client(), base + "/", "ingest-jwt"), SenderOptions.defaults()).send(events);
        assertEquals(2, r.accepted());
        assertTrue(seen.contains("POST /api/v1/events Bearer ingest-jwt"), seen.toString());
    }

    @Test
    void suiteTokensComeFromTheScriptAndAreCached() throws IOException {
        Path calls = dir.resolve("calls");
        Path suite = dir.resolve("suite");
        Files.writeString(suite, "#!/bin/sh\necho \"$@\" >> " + calls + "\necho 'info: on stdout before the token'\n"
                + "if [ \"$2\" = user ]; then echo \"h.$3.s\"; else echo \"h.$2.s\"; fi\n");
        Files.setPosixFilePermissions(suite, PosixFilePermissions.fromString("rwx------"));
        TokenSource tokens = TokenSource.preferring(Map.of(Role.MODERATOR, "given"), new SuiteTokenSource(suite)).cached();
        assertEquals("given", tokens.token(Role.MODERATOR, null));
        assertEquals("h.ingest.s", tokens.token(Role.INGEST, null));
        assertEquals("h.acc-1.s", tokens.token(Role.USER, "acc-1"));
        assertEquals("h.acc-1.s", tokens.token(Role.USER, "acc-1"));
        assertEquals(List.of("token ingest", "token user acc-1"), Files.readAllLines(calls));

        Path failing = dir.resolve("failing");
        Files.writeString(failing, "#!/bin/sh\necho 'error: openssl is needed' >&2\nexit 1\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
        TokenException e = assertThrows(TokenException.class, () -> new SuiteTokenSource(failing).token(Role.INGEST, null));
        assertTrue(e.getMessage().contains("failed (exit 1): error: openssl is needed"), e.getMessage());
    }
}
