package dev.integrity.scoring.service;

import dev.integrity.support.problem.ProblemException;

/** A moderator asked for a move the enforcement's current status does not allow (409). */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(String message) {
        super(409, "Conflict", message);
    }
}
