package dev.integrity.support.problem;

import dev.integrity.contract.problem.Problem;

/**
 * An exception a service answers as a problem of its own: its status, title and detail (the message), and
 * optionally a {@code Retry-After}. A service's exceptions extend this and {@link ProblemMapper} answers
 * them, so no service keeps a mapper of its own.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    protected ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    protected ProblemException(int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The answer's body. */
    public Problem problem() {
        return Problem.of(status, title, getMessage());
    }

    /** Seconds the caller is told to wait before trying again ({@code Retry-After}), or null for no such header. */
    public Long retryAfterSeconds() {
        return null;
    }

    /**
     * The failure behind a server-side answer (5xx, logged as a warning) worth its stack trace in the log;
     * null when the message says enough.
     */
    protected Throwable loggedCause() {
        return getCause();
    }
}
