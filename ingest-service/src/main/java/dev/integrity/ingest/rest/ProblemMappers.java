package dev.integrity.ingest.rest;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.integrity.contract.problem.Problem;
import dev.integrity.contract.problem.ProblemError;
import dev.integrity.ingest.config.IngestConfig;
import dev.integrity.ingest.model.RejectedEvent;
import dev.integrity.ingest.service.BodyRejectedException;
import dev.integrity.ingest.service.DependencyUnavailableException;
import dev.integrity.ingest.service.NoValidEventException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error leaves this service as application/problem+json (RFC 9457). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final int retryAfterSeconds;

    public ProblemMappers(IngestConfig config) {
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    @ServerExceptionMapper
    public Response bodyRejected(BodyRejectedException e) {
        return problem(Problem.of(e.status(), e.title(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response noValidEvent(NoValidEventException e) {
        List<ProblemError> errors = e.rejected().stream().flatMap(ProblemMappers::flatten).toList();
        return problem(Problem.validation(e.getMessage(), errors));
    }

    @ServerExceptionMapper
    public Response unavailable(DependencyUnavailableException e) {
        LOG.warn(e.getMessage(), e.getCause());
        return Response.fromResponse(problem(Problem.of(503, "Service unavailable", e.getMessage())))
                .header("Retry-After", retryAfterSeconds).build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(problem(Problem.of(401, "Unauthorized",
                "A valid bearer token is required (Authorization: Bearer <JWT>).")))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(Problem.of(403, "Forbidden", "Your role does not allow this request."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        String title = original.getStatusInfo().getReasonPhrase();
        return problem(Problem.of(original.getStatus(), title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return problem(Problem.of(500, "Internal error", "An unexpected error occurred; it has been logged."));
    }

    private static java.util.stream.Stream<ProblemError> flatten(RejectedEvent rejected) {
        return rejected.errors().stream()
                .map(error -> new ProblemError(rejected.index(), rejected.eventId(), error.field(), error.message()));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
