package dev.integrity.ingest.service;

/** The request body as a whole cannot be taken (malformed, too large, empty); nothing in it was accepted. */
public class BodyRejectedException extends RuntimeException {

    private final int status;
    private final String title;

    public BodyRejectedException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static BodyRejectedException malformed(String detail) {
        return new BodyRejectedException(400, "Malformed body", detail);
    }

    public static BodyRejectedException tooLarge(String detail) {
        return new BodyRejectedException(413, "Body too large", detail);
    }
}
