package dev.integrity.simulator.cli;

import dev.integrity.simulator.api.Http;
import java.net.http.HttpClient;
import picocli.CommandLine.Option;

/** {@code --gateway URL}: where the suite takes events and answers; the simulator's and the benchmark's commands share it. */
public final class GatewayOption {

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://127.0.0.1:${env:GATEWAY_PORT:-8080}",
            description = "the gateway's base URL (default: ${DEFAULT-VALUE})")
    String url;

    private HttpClient client;

    /** The base URL, checked: a bad one fails now rather than at the first request. */
    public String url() {
        Http.resolve(url, "/");
        return url;
    }

    /** One HTTP client for every request to it. */
    public HttpClient client() {
        if (client == null) {
            client = Http.client();
        }
        return client;
    }
}
