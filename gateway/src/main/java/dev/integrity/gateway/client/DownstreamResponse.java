package dev.integrity.gateway.client;

import jakarta.ws.rs.core.Response;

import dev.integrity.contract.problem.Problem;
import dev.integrity.support.problem.Problems;

import io.vertx.mutiny.core.buffer.Buffer;

/**
 * A downstream answer passed on as it is: status, content type, Retry-After and body; {@code nextCursor}
 * is a list's Next-Cursor header, from which the gateway builds its own Link header.
 */
public record DownstreamResponse(int status, String contentType, String retryAfter, Buffer body, String nextCursor) {

    public static final String NEXT_CURSOR = "Next-Cursor";

    public Response toResponse() {
        if (status >= 400 && (contentType == null || !contentType.startsWith(Problem.MEDIA_TYPE))) {
            // Only problems leave the gateway: an error without one (from a proxy or the HTTP layer) gets one.
            Response.StatusType reason = Response.Status.fromStatusCode(status);
            return Problems.response(Problem.of(status, reason == null ? "Error" : reason.getReasonPhrase(), "The request could not be served."));
        }
        Response.ResponseBuilder builder = Response.status(status);
        if (contentType != null) {
            builder.type(contentType);
        }
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        if (body != null) {
            builder.entity(body.getBytes());
        }
        return builder.build();
    }
}
