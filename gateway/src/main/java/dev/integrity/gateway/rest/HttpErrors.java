package dev.integrity.gateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Errors raised below the REST layer answer problem+json too: a body over the limit (refused by
 * its Content-Length before it is read, or by the HTTP layer while reading a chunked one).
 */
@ApplicationScoped
public class HttpErrors {

    /** The contract's 10 MiB limit on a request body. */
    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(HttpErrors::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                send(ctx, Problem.of(413, "Body too large", "A request body may have at most " + MAX_BODY_BYTES + " bytes."));
            } else {
                ctx.next();
            }
        });
    }

    private static void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null) {
            try {
                long length = Long.parseLong(declared.trim());
                if (length > MAX_BODY_BYTES) {
                    ctx.response().putHeader("Connection", "close");
                    send(ctx, Problem.of(413, "Body too large", "The body has " + length + " bytes; the limit is " + MAX_BODY_BYTES + "."));
                    return;
                }
            } catch (NumberFormatException e) {
                // Not a number: the HTTP layer answers that itself.
            }
        }
        ctx.next();
    }

    static void send(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(EventJson.mapper().writeValueAsBytes(problem)));
        } catch (Exception e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
