package dev.integrity.simulator.send;

/** The send cannot go on: the gateway refused the token, the endpoint is wrong, or retries ran out. */
public final class SendFailedException extends RuntimeException {

    private final transient SendReport partial;

    public SendFailedException(String message, SendReport partial) {
        super(message);
        this.partial = partial;
    }

    /** What was sent before it failed. */
    public SendReport partial() {
        return partial;
    }
}
