package dev.integrity.simulator.send;

import dev.integrity.simulator.api.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** The gateway's {@code POST /api/v1/events} over HTTP with the ingest token. */
public final class HttpEventsEndpoint implements EventsEndpoint {

    private final HttpClient client;
    private final URI uri;
    private final String token;

    public HttpEventsEndpoint(HttpClient client, String gateway, String token) {
        this.client = client;
        this.uri = Http.resolve(gateway, "/api/v1/events");
        this.token = token;
    }

    @Override
    public Answer post(byte[] jsonArray) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(jsonArray)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Clock.systemUTC()));
    }

    @Override
    public String describe() {
        return uri.toString();
    }
}
