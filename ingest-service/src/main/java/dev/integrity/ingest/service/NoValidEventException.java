package dev.integrity.ingest.service;

import java.util.List;

import dev.integrity.contract.problem.Problem;
import dev.integrity.contract.problem.ProblemError;
import dev.integrity.ingest.model.RejectedEvent;
import dev.integrity.support.problem.ProblemException;

/** Every event of the request was rejected: answered 400 with the reasons, one error per field of each event. */
public class NoValidEventException extends ProblemException {

    private final List<RejectedEvent> rejected;

    public NoValidEventException(List<RejectedEvent> rejected) {
        super(400, "Invalid events", "No valid event in the request: " + rejected.size() + " rejected.");
        this.rejected = rejected;
    }

    @Override
    public Problem problem() {
        List<ProblemError> errors = rejected.stream().flatMap(r -> r.errors().stream()
                .map(error -> new ProblemError(r.index(), r.eventId(), error.field(), error.message()))).toList();
        return Problem.validation(getMessage(), errors);
    }
}
