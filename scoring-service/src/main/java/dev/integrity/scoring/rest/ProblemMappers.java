package dev.integrity.scoring.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.integrity.contract.problem.Problem;
import dev.integrity.support.problem.Problems;
import dev.integrity.scoring.service.IllegalTransitionException;
import dev.integrity.scoring.service.TooManyRequestsException;

/**
 * This service's own exceptions as application/problem+json (RFC 9457); the errors every service answers
 * alike (401, 403, a WebApplicationException's status, 500) are mapped once, in CommonProblemMappers.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response conflict(IllegalTransitionException e) {
        return Problems.response(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e) {
        return Response.fromResponse(Problems.response(Problem.of(429, "Too Many Requests", e.getMessage())))
                .header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
    }
}
