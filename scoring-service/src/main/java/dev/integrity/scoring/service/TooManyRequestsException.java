package dev.integrity.scoring.service;

import java.time.Duration;

/** A caller went over a limit; {@code retryAfter} says when it may try again (a 429 with Retry-After). */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
