package dev.integrity.ingest.service;

import dev.integrity.support.problem.ProblemException;

/** The request body as a whole cannot be taken (malformed, too large, empty); nothing in it was accepted. */
public class BodyRejectedException extends ProblemException {

    private BodyRejectedException(int status, String title, String detail) {
        super(status, title, detail);
    }

    public static BodyRejectedException malformed(String detail) {
        return new BodyRejectedException(400, "Malformed body", detail);
    }

    public static BodyRejectedException tooLarge(String detail) {
        return new BodyRejectedException(413, "Body too large", detail);
    }
}
