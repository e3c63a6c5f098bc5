package dev.integrity.simulator.api;

/** The API answered with an error, or could not be reached. {@code status} is 0 for transport errors. */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
