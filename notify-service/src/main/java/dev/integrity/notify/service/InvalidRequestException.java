package dev.integrity.notify.service;

import dev.integrity.support.problem.ProblemException;

/** A request parameter breaks a rule; answered 400 with the message as detail. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String message) {
        super(400, "Bad Request", message);
    }
}
