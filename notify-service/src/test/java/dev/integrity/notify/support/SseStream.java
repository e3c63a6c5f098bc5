package dev.integrity.notify.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent Events stream read line by line with the JDK's HttpClient. */
public final class SseStream implements AutoCloseable {

    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseStream(URI uri, String acceptLanguage, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Accept-Language", acceptLanguage)
                .header("Authorization", "Bearer " + token)
                .GET().build();
        this.response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        this.reader = Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the stream was closed
            }
        });
    }

    /** Opens the stream with the caller's bearer token. */
    public static SseStream open(URI uri, String acceptLanguage, String token) throws Exception {
        return new SseStream(uri, acceptLanguage, token);
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Waits for a line that matches; fails the test if none comes in time. */
    public String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && match.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no matching line on the stream within " + timeout);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
        client.close();
    }
}
