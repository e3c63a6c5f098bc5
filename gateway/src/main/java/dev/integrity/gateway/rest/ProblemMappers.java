package dev.integrity.gateway.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.integrity.contract.problem.Problem;
import dev.integrity.gateway.client.DownstreamUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error the gateway answers is application/problem+json (RFC 9457). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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
    public Response unavailable(DownstreamUnavailableException e) {
        LOG.warn(e.getMessage());
        return Response.fromResponse(problem(Problem.of(503, "Service unavailable", e.getMessage())))
                .header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        return problem(Problem.of(original.getStatus(), original.getStatusInfo().getReasonPhrase(), e.getMessage()));
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
