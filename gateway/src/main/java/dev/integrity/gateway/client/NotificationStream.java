package dev.integrity.gateway.client;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;

/** Opens notify's Server-Sent Events stream for one account, to be relayed as it is. */
@ApplicationScoped
public class NotificationStream {

    private final HttpClient client;
    private final URI base;

    public NotificationStream(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient();
        this.base = URI.create(config.notifyService().url());
    }

    /**
     * Connects with the caller's Authorization header (notify checks the token too); fails, before
     * anything is sent to the client, if notify cannot serve the stream.
     */
    public Uni<HttpClientResponse> connect(String accountId, String language, String authorization) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost()).setPort(base.getPort())
                .setURI("/accounts/" + accountId + "/notifications/stream").addHeader("Accept", "text/event-stream")
                .setConnectTimeout(2000);
        if (language != null) {
            options.addHeader("Accept-Language", language);
        }
        if (authorization != null) {
            options.addHeader("Authorization", authorization);
        }
        return client.request(options)
                .chain(request -> request.send())
                .onFailure().transform(e -> new DownstreamUnavailableException("notify-service did not answer: " + e.getMessage(), e))
                .invoke(response -> {
                    if (response.statusCode() != 200) {
                        throw new DownstreamUnavailableException("notify-service refused the stream (" + response.statusCode() + ")");
                    }
                });
    }
}
