package dev.integrity.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.integrity.gateway.client.DownstreamBreaker.State;
import dev.integrity.gateway.config.GatewayConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.core.http.HttpServerRequest;

/**
 * The client against a local Vert.x server: it forwards the caller's Authorization header, and its
 * breaker opens while the server is gone and closes through a half-open trial once it is back.
 */
class DownstreamClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Consumer<HttpServerRequest> answer = request -> {
        authorizations.add(String.valueOf(request.getHeader("Authorization")));
        request.response().putHeader("Content-Type", "application/json").endAndForget("{}");
    };

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    private HttpServer serve(int port) {
        return vertx.createHttpServer().requestHandler(answer).listenAndAwait(port, "127.0.0.1");
    }

    private static GatewayConfig.Downstream config(int port) {
        return new GatewayConfig.Downstream() {
            @Override
            public String url() {
                return "http://127.0.0.1:" + port;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public int breakerFailures() {
                return 2;
            }

            @Override
            public Duration breakerDelay() {
                return Duration.ofMillis(300);
            }
        };
    }

    @Test
    void everyCallCarriesTheCallersAuthorizationHeader() {
        int port = serve(0).actualPort();
        DownstreamClient client = new DownstreamClient("test-service", vertx, config(port), () -> "Bearer the-callers-token");
        assertEquals(200, client.get("/accounts/a").await().atMost(PATIENCE).status());
        assertEquals(200, client.post("/events", "application/json", Buffer.buffer("{}")).await().atMost(PATIENCE).status());
        assertEquals(List.of("Bearer the-callers-token", "Bearer the-callers-token"), authorizations);

        DownstreamClient anonymous = new DownstreamClient("test-service", vertx, config(port), () -> null);
        assertEquals(200, anonymous.get("/q/health/ready").await().atMost(PATIENCE).status());
        assertEquals("null", authorizations.getLast(), "no header without a caller's token");
    }

    @Test
    void theBreakerOpensWhileTheServiceIsGoneAndClosesThroughAHalfOpenTrial() throws Exception {
        HttpServer server = serve(0);
        int port = server.actualPort();
        DownstreamClient client = new DownstreamClient("test-service", vertx, config(port), () -> "Bearer t");
        assertEquals(200, client.post("/events", "application/json", Buffer.buffer("{}")).await().atMost(PATIENCE).status());
        server.closeAndAwait();

        for (int i = 0; i < 2; i++) {
            DownstreamUnavailableException e = assertThrows(DownstreamUnavailableException.class,
                    () -> client.post("/events", "application/json", Buffer.buffer("{}")).await().atMost(PATIENCE));
            assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        }
        assertEquals(State.OPEN, client.breakerState());
        DownstreamUnavailableException fast = assertThrows(DownstreamUnavailableException.class,
                () -> client.post("/events", "application/json", Buffer.buffer("{}")).await().atMost(PATIENCE));
        assertTrue(fast.getMessage().contains("is failing"), fast.getMessage());

        serve(port);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (client.breakerState() != State.HALF_OPEN && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(State.HALF_OPEN, client.breakerState());
        assertEquals(200, client.post("/events", "application/json", Buffer.buffer("{}")).await().atMost(PATIENCE).status());
        assertEquals(State.CLOSED, client.breakerState());
        assertEquals(2, authorizations.size(), "the open breaker made no call");
    }
}
