package dev.integrity.gateway.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.integrity.contract.problem.Problem;
import dev.integrity.support.problem.Problems;
import dev.integrity.gateway.client.DownstreamUnavailableException;

/**
 * This service's own exceptions as application/problem+json (RFC 9457); the errors every service answers
 * alike (401, 403, a WebApplicationException's status, 500) are mapped once, in CommonProblemMappers.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response unavailable(DownstreamUnavailableException e) {
        LOG.warn(e.getMessage());
        return Response.fromResponse(Problems.response(Problem.of(503, "Service unavailable", e.getMessage())))
                .header("Retry-After", 5).build();
    }
}
