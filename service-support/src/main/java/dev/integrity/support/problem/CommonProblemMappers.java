package dev.integrity.support.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.integrity.contract.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The errors every service answers alike, as application/problem+json: no valid token (401, with
 * {@code WWW-Authenticate: Bearer}), a role that does not allow the request (403), any
 * {@link WebApplicationException} with its own status, and anything unexpected (500, logged). A
 * service maps only its own exceptions (a more specific type wins over these).
 */
public class CommonProblemMappers {

    private static final Logger LOG = Logger.getLogger(CommonProblemMappers.class);

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(Problems.response(Problem.of(401, "Unauthorized",
                "A valid bearer token is required (Authorization: Bearer <JWT>).")))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(Problem.of(403, "Forbidden", "Your role does not allow this request."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        String title = original.getStatusInfo().getReasonPhrase();
        return Problems.response(Problem.of(original.getStatus(), title == null || title.isBlank() ? "Error" : title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return Problems.response(Problem.of(500, "Internal error", "An unexpected error occurred; it has been logged."));
    }
}
