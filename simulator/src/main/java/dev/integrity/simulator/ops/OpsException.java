package dev.integrity.simulator.ops;

/** An operator command could not do what it was asked; the message is the one line to print. */
public final class OpsException extends RuntimeException {

    public OpsException(String message) {
        super(message);
    }

    public OpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
