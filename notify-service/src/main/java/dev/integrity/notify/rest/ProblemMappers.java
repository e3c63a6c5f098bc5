package dev.integrity.notify.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.integrity.contract.problem.Problem;
import dev.integrity.support.problem.Problems;
import dev.integrity.notify.service.InvalidRequestException;
import dev.integrity.notify.service.NotificationNotFoundException;

/**
 * This service's own exceptions as application/problem+json (RFC 9457); the errors every service answers
 * alike (401, 403, a WebApplicationException's status, 500) are mapped once, in CommonProblemMappers.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problems.response(Problem.of(400, "Bad Request", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(NotificationNotFoundException e) {
        return Problems.response(Problem.of(404, "Not Found", e.getMessage()));
    }
}
