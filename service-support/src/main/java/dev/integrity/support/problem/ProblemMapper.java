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
 * Every error of every service as application/problem+json (RFC 9457): no valid token (401, with
 * {@code WWW-Authenticate: Bearer}), a role that does not allow the request (403), a service's own
 * {@link ProblemException} (its status, title, detail and any {@code Retry-After}; a server-side one
 * logged), any {@link WebApplicationException} with its own status, and anything unexpected (500,
 * logged). The most specific type wins, so a service's exception never falls through to a 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

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
    public Response problem(ProblemException e) {
        if (e.status() >= 500) {
            LOG.warn(e.getMessage(), e.loggedCause());
        }
        Response response = Problems.response(e.problem());
        Long retryAfter = e.retryAfterSeconds();
        return retryAfter == null ? response : Response.fromResponse(response).header("Retry-After", retryAfter).build();
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
