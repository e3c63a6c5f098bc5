package dev.integrity.notify.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.integrity.contract.problem.Problem;
import dev.integrity.notify.service.InvalidRequestException;
import dev.integrity.notify.service.NotificationNotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error leaves this service as application/problem+json (RFC 9457). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(Problem.of(400, "Bad Request", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(NotificationNotFoundException e) {
        return problem(Problem.of(404, "Not Found", e.getMessage()));
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

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
