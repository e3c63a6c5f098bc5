package dev.integrity.gateway.client;

import jakarta.ws.rs.core.Response;

import io.vertx.mutiny.core.buffer.Buffer;

/** A downstream answer passed on as it is: status, content type, Retry-After and body. */
public record DownstreamResponse(int status, String contentType, String retryAfter, Buffer body) {

    public Response toResponse() {
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
