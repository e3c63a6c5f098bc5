package dev.integrity.ingest.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.integrity.contract.problem.Problem;
import dev.integrity.support.problem.Problems;
import dev.integrity.contract.problem.ProblemError;
import dev.integrity.ingest.config.IngestConfig;
import dev.integrity.ingest.model.RejectedEvent;
import dev.integrity.ingest.service.BodyRejectedException;
import dev.integrity.ingest.service.DependencyUnavailableException;
import dev.integrity.ingest.service.NoValidEventException;

/**
 * This service's own exceptions as application/problem+json (RFC 9457); the errors every service answers
 * alike (401, 403, a WebApplicationException's status, 500) are mapped once, in CommonProblemMappers.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final int retryAfterSeconds;

    public ProblemMappers(IngestConfig config) {
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    @ServerExceptionMapper
    public Response bodyRejected(BodyRejectedException e) {
        return Problems.response(Problem.of(e.status(), e.title(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response noValidEvent(NoValidEventException e) {
        List<ProblemError> errors = e.rejected().stream().flatMap(ProblemMappers::flatten).toList();
        return Problems.response(Problem.validation(e.getMessage(), errors));
    }

    @ServerExceptionMapper
    public Response unavailable(DependencyUnavailableException e) {
        LOG.warn(e.getMessage(), e.getCause());
        return Response.fromResponse(Problems.response(Problem.of(503, "Service unavailable", e.getMessage())))
                .header("Retry-After", retryAfterSeconds).build();
    }

    private static java.util.stream.Stream<ProblemError> flatten(RejectedEvent rejected) {
        return rejected.errors().stream()
                .map(error -> new ProblemError(rejected.index(), rejected.eventId(), error.field(), error.message()));
    }
}
