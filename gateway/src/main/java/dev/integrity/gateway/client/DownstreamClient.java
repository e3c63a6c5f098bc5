package dev.integrity.gateway.client;

import java.net.URI;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import dev.integrity.gateway.config.GatewayConfig;

/**
 * HTTP to one downstream service, with a timeout, a breaker, and retries only where they are safe
 * (reads). Answers are passed through as they are; only failing to get one becomes an exception.
 */
public class DownstreamClient {

    private static final int READ_RETRIES = 2;

    private final String name;
    private final WebClient client;
    private final URI base;
    private final long timeoutMillis;
    private final CircuitBreaker breaker;

    public DownstreamClient(String name, Vertx vertx, GatewayConfig.Downstream config) {
        this.name = name;
        this.base = URI.create(config.url());
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort())
                .setConnectTimeout(2000)
                .setKeepAlive(true));
        this.timeoutMillis = config.timeout().toMillis();
        this.breaker = new CircuitBreaker(name, config.breakerFailures(), config.breakerDelay());
    }

    public Uni<DownstreamResponse> get(String path) {
        return get(path, Map.of());
    }

    /** A read: safe to retry when the service did not answer. */
    public Uni<DownstreamResponse> get(String path, Map<String, String> headers) {
        return send(HttpMethod.GET, path, headers, null).onFailure(DownstreamUnavailableException.class).retry().atMost(READ_RETRIES);
    }

    /** A write: never retried here (the client decides; ingestion is idempotent by eventId anyway). */
    public Uni<DownstreamResponse> post(String path, Map<String, String> headers, Buffer body) {
        return send(HttpMethod.POST, path, headers, body);
    }

    public Uni<DownstreamResponse> post(String path, String contentType, Buffer body) {
        return post(path, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
    }

    public boolean isBreakerOpen() {
        return breaker.isOpen();
    }

    private Uni<DownstreamResponse> send(HttpMethod method, String path, Map<String, String> headers, Buffer body) {
        return breaker.call(() -> {
            HttpRequest<Buffer> request = client.requestAbs(method, base.resolve(path).toString()).timeout(timeoutMillis);
            headers.forEach((name, value) -> {
                if (value != null) {
                    request.putHeader(name, value);
                }
            });
            Uni<HttpResponse<Buffer>> response = body == null ? request.send() : request.sendBuffer(body);
            return response
                    .map(r -> new DownstreamResponse(r.statusCode(), r.getHeader("Content-Type"), r.getHeader("Retry-After"), r.body(),
                            r.getHeader(DownstreamResponse.NEXT_CURSOR)))
                    .onFailure().transform(e -> new DownstreamUnavailableException(name + " did not answer: " + e.getMessage(), e));
        });
    }
}
