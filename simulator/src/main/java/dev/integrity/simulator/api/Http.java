package dev.integrity.simulator.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The JDK HTTP client as the simulator uses it: HTTP/1.1, short connect timeout, base URL handling. */
public final class Http {

    private Http() {
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code base} (e.g. http://127.0.0.1:8080 or http://host:8080/) joined with an absolute path. */
    public static URI resolve(String base, String path) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        try {
            URI uri = URI.create(b + path);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("--gateway must be an http(s) URL such as http://127.0.0.1:8080, not '" + base + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("--gateway")) {
                throw e;
            }
            throw new IllegalArgumentException("--gateway must be an http(s) URL such as http://127.0.0.1:8080, not '" + base + "'");
        }
    }
}
