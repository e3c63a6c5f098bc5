package dev.integrity.notify.service;

/** A request parameter breaks a rule; answered 400 with the message as detail. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
