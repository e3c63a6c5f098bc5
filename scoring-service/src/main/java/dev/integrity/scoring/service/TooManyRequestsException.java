package dev.integrity.scoring.service;

import java.time.Duration;

import dev.integrity.support.problem.ProblemException;

/** A caller went over a limit; {@code retryAfter} says when it may try again (a 429 with Retry-After, at least a second). */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(429, "Too Many Requests", message);
        this.retryAfter = retryAfter;
    }

    @Override
    public Long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
