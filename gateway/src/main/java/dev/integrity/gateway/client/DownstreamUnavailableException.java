package dev.integrity.gateway.client;

import dev.integrity.support.problem.ProblemException;

/** A downstream service did not answer in time, refused the connection, or its breaker is open: 503, retry in 5 s. */
public class DownstreamUnavailableException extends ProblemException {

    private static final long RETRY_AFTER_SECONDS = 5;

    public DownstreamUnavailableException(String message) {
        super(503, "Service unavailable", message);
    }

    public DownstreamUnavailableException(String message, Throwable cause) {
        super(503, "Service unavailable", message, cause);
    }

    @Override
    public Long retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }

    /** The message names the cause already; a stack trace per unanswered call would flood the log in an outage. */
    @Override
    protected Throwable loggedCause() {
        return null;
    }
}
