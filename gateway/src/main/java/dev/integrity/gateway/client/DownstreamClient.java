package dev.integrity.gateway.client;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

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
 * Every call carries the caller's Authorization header: the internal services check the token and
 * its role themselves.
 */
public class DownstreamClient {

    private static final int READ_RETRIES = 2;

    private final String name;
    private final WebClient client;
    private final URI base;
    private final long timeoutMillis;
    private final DownstreamBreaker breaker;
    private final Supplier<String> authorization;

    /**
     * @param authorization the caller's Authorization header (null for none), read when a call is made,
     *        within the caller's request
     */
    public DownstreamClient(String name, Vertx vertx, GatewayConfig.Downstream config, Supplier<String> authorization) {
        this.name = name;
        this.base = URI.create(config.url());
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort())
                .setConnectTimeout(2000)
                .setKeepAlive(true));
        this.timeoutMillis = config.timeout().toMillis();
        this.breaker = new DownstreamBreaker(name, config.breakerFailures(), config.breakerDelay());
        this.authorization = authorization;
    }

    public Uni<DownstreamResponse> get(String path) {
        return get(path, Map.of());
    }

    /** A read: safe to retry when the service did not answer. A header whose value is null is not sent. */
    public Uni<DownstreamResponse> get(String path, Map<String, String> headers) {
        return send(HttpMethod.GET, path, headers, null).onFailure(DownstreamUnavailableException.class).retry().atMost(READ_RETRIES);
    }

    /** A write: never retried here (the client decides; ingestion is idempotent by eventId anyway). */
    public Uni<DownstreamResponse> post(String path, String contentType, Buffer body) {
        return send(HttpMethod.POST, path, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
    }

    /** A write without a body: the path says it all (approve, resume, mark read). */
    public Uni<DownstreamResponse> post(String path) {
        return post(path, null, Buffer.buffer());
    }

    public DownstreamBreaker.State breakerState() {
        return breaker.state();
    }

    private Uni<DownstreamResponse> send(HttpMethod method, String path, Map<String, String> callHeaders, Buffer body) {
        // Read now, within the caller's request: a retry resubscribes later, outside it.
        Map<String, String> headers = new HashMap<>(callHeaders);
        headers.put("Authorization", authorization.get());
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
