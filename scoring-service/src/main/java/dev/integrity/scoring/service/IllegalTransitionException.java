package dev.integrity.scoring.service;

/** A moderator asked for a move the enforcement's current status does not allow (409). */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
