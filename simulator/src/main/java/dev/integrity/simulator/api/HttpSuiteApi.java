package dev.integrity.simulator.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.simulator.send.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SuiteApi} over HTTP. Moderator calls carry the moderator token, inbox calls the account's
 * user token. The gateway's rate limit is honoured: a 429 (or 503) pauses every caller of this
 * client until its Retry-After has passed, then the request is repeated. If user tokens cannot be
 * had, inboxes are read with the moderator token (the contract allows it).
 */
public final class HttpSuiteApi implements SuiteApi {

    private static final int MAX_ATTEMPTS = 12;
    private static final TypeReference<List<EnforcementView>> ENFORCEMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<ReceiverImpact>> IMPACT = new TypeReference<>() {
    };
    private static final TypeReference<List<NotificationView>> NOTIFICATIONS = new TypeReference<>() {
    };

    private final HttpClient client;
    private final String gateway;
    private final TokenSource tokens;
    private final AtomicLong pausedUntil = new AtomicLong(); // System.nanoTime()
    private volatile String userTokenProblem;

    public HttpSuiteApi(HttpClient client, String gateway, TokenSource tokens) {
        this.client = client;
        this.gateway = gateway;
        this.tokens = tokens;
        Http.resolve(gateway, "/"); // fail early on a bad URL
    }

    @Override
    public Optional<AccountView> account(String accountId) {
        HttpResponse<String> r = call("GET", "/api/v1/accounts/" + segment(accountId), moderator(), true);
        return r.statusCode() == 404 ? Optional.empty() : Optional.of(read(r, AccountView.class));
    }

    @Override
    public List<EnforcementView> enforcements(EnforcementStatus status, String accountId) {
        List<String> query = new ArrayList<>();
        if (status != null) {
            query.add("status=" + status.name());
        }
        if (accountId != null) {
            query.add("accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8));
        }
        String path = "/api/v1/enforcements" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return read(call("GET", path, moderator(), false), ENFORCEMENTS);
    }

    @Override
    public List<ReceiverImpact> impact(String enforcementId) {
        HttpResponse<String> r = call("GET", "/api/v1/enforcements/" + segment(enforcementId) + "/impact", moderator(), true);
        return r.statusCode() == 404 ? List.of() : read(r, IMPACT);
    }

    @Override
    public GuardView guard() {
        return read(call("GET", "/api/v1/guard", moderator(), false), GuardView.class);
    }

    @Override
    public int openCases() {
        int open = 0;
        String after = null;
        do {
            String path = "/api/v1/cases?status=OPEN&limit=200" + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode page = read(call("GET", path, moderator(), false), JsonNode.class);
            open += page.path("items").size();
            after = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (after != null);
        return open;
    }

    @Override
    public List<NotificationView> notifications(String accountId) {
        HttpResponse<String> r = call("GET", "/api/v1/accounts/" + segment(accountId) + "/notifications", reader(accountId), true);
        return r.statusCode() == 404 ? List.of() : read(r, NOTIFICATIONS);
    }

    @Override
    public void markRead(String accountId, String notificationId) {
        call("POST", "/api/v1/accounts/" + segment(accountId) + "/notifications/" + segment(notificationId) + "/read",
                tokens.token(Role.USER, accountId), false);
    }

    /** Why inboxes were read with the moderator token, or null if user tokens worked. */
    public String userTokenProblem() {
        return userTokenProblem;
    }

    private String moderator() {
        return tokens.token(Role.MODERATOR, null);
    }

    private String reader(String accountId) {
        if (userTokenProblem == null) {
            try {
                return tokens.token(Role.USER, accountId);
            } catch (TokenException e) {
                userTokenProblem = e.getMessage();
            }
        }
        return moderator();
    }

    private HttpResponse<String> call(String method, String path, String token, boolean allow404) {
        URI uri = Http.resolve(gateway, path);
        for (int attempt = 1; ; attempt++) {
            waitForPause();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw new ApiException(0, method + " " + uri + " failed: " + e);
                }
                pause(Duration.ofMillis(500L * attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(0, "interrupted");
            }
            int status = response.statusCode();
            if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Clock.systemUTC());
                pause(wait != null ? wait : Duration.ofSeconds(Math.min(30, 1L << attempt)));
                continue;
            }
            if ((status >= 200 && status < 300) || (status == 404 && allow404)) {
                return response;
            }
            throw new ApiException(status, method + " " + path + " answered " + status + ": " + detail(response.body()));
        }
    }

    private void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        pausedUntil.accumulateAndGet(until, Math::max);
    }

    private void waitForPause() {
        long wait = pausedUntil.get() - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(0, "interrupted");
            }
        }
    }

    private static <T> T read(HttpResponse<String> r, Class<T> type) {
        try {
            return EventJson.mapper().readValue(r.body(), type);
        } catch (IOException e) {
            throw new ApiException(r.statusCode(), "unreadable answer from " + r.uri() + ": " + e.getMessage());
        }
    }

    private static <T> T read(HttpResponse<String> r, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(r.body(), type);
        } catch (IOException e) {
            throw new ApiException(r.statusCode(), "unreadable answer from " + r.uri() + ": " + e.getMessage());
        }
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String detail(String body) {
        try {
            JsonNode root = EventJson.mapper().readTree(body);
            String text = (root.path("title").asText("") + " " + root.path("detail").asText("")).strip();
            return text.isEmpty() ? abbreviate(body) : text;
        } catch (IOException | RuntimeException e) {
            return abbreviate(body);
        }
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
