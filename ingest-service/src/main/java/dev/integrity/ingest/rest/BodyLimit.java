package dev.integrity.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.problem.Problem;
import dev.integrity.ingest.config.IngestConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses an oversized body before any of it is read (by its Content-Length), and turns the HTTP
 * layer's own 413 for chunked bodies into problem+json like every other error.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBodyBytes;

    public BodyLimit(IngestConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                tooLarge(ctx, "The body is larger than the limit of " + maxBodyBytes + " bytes.");
            } else {
                ctx.next();
            }
        });
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null) {
            try {
                long length = Long.parseLong(declared.trim());
                if (length > maxBodyBytes) {
                    tooLarge(ctx, "The body has " + length + " bytes; the limit is " + maxBodyBytes + ".");
                    return;
                }
            } catch (NumberFormatException e) {
                // Not a number: the HTTP layer answers that itself.
            }
        }
        ctx.next();
    }

    private static void tooLarge(RoutingContext ctx, String detail) {
        try {
            byte[] body = EventJson.mapper().writeValueAsBytes(Problem.of(413, "Body too large", detail));
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (Exception e) {
            ctx.response().setStatusCode(413).end();
        }
    }
}
