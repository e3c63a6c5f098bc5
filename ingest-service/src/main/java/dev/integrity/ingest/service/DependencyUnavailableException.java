package dev.integrity.ingest.service;

/** Kafka or Redis could not be reached; the client should retry later (503 with Retry-After). */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
