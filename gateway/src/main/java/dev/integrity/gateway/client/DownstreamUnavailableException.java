package dev.integrity.gateway.client;

/** A downstream service did not answer in time, refused the connection, or its breaker is open. */
public class DownstreamUnavailableException extends RuntimeException {

    public DownstreamUnavailableException(String message) {
        super(message);
    }

    public DownstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
