package dev.integrity.gateway.rest;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.integrity.contract.AccountIds;
import dev.integrity.contract.problem.Problem;
import dev.integrity.gateway.client.NotificationStream;
import dev.integrity.support.security.Caller;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/accounts/{id}/notifications/stream}: relays notify's Server-Sent Events byte for
 * byte. A route of its own (not a REST method) so that everything is checked, the token, the role,
 * the account and notify's availability, before the first byte of the stream is sent: a refusal is
 * still a proper 401/403/503 problem+json.
 */
@ApplicationScoped
public class NotificationStreamRoute {

    private static final Logger LOG = Logger.getLogger(NotificationStreamRoute.class);

    private final JWTParser parser;
    private final NotificationStream stream;

    public NotificationStreamRoute(JWTParser parser, NotificationStream stream) {
        this.parser = parser;
        this.stream = stream;
    }

    void install(@Observes Router router) {
        router.get("/api/v1/accounts/:id/notifications/stream").order(-10).handler(this::relay);
    }

    private void relay(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        // Off the event loop: verifying may have to fetch the issuer's JWKS (when a JWKS URL is configured).
        ctx.vertx().executeBlocking(() -> verify(authorization), false)
                .onComplete(verified -> relay(ctx, authorization, verified.succeeded() ? verified.result() : null));
    }

    private void relay(RoutingContext ctx, String authorization, JsonWebToken token) {
        String accountId = ctx.pathParam("id");
        if (token == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            HttpErrors.send(ctx, Problem.of(401, "Unauthorized", "A valid bearer token is required (Authorization: Bearer <JWT>)."));
            return;
        }
        Set<String> groups = token.getGroups();
        // Caller's rule (moderators reach every account, a user only its own), on the token this route verified itself.
        boolean allowed = groups.contains(Caller.MODERATOR) || (groups.contains(Caller.USER) && accountId.equals(token.getSubject()));
        if (!allowed) {
            HttpErrors.send(ctx, Problem.of(403, "Forbidden", "A user token reaches only its own account."));
            return;
        }
        if (!AccountIds.isValid(accountId)) {
            HttpErrors.send(ctx, Problem.of(404, "Not Found", "No such account."));
            return;
        }
        stream.connect(accountId, ctx.request().getHeader("Accept-Language"), authorization).subscribe().with(upstream -> {
            var response = ctx.response();
            response.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache")
                    .putHeader("X-Accel-Buffering", "no");
            upstream.handler(buffer -> response.write(buffer.getDelegate()));
            upstream.endHandler(() -> response.end());
            upstream.exceptionHandler(e -> response.reset());
            response.closeHandler(v -> upstream.getDelegate().request().connection().close());
        }, failure -> {
            LOG.warn(failure.getMessage());
            ctx.response().putHeader("Retry-After", "5");
            HttpErrors.send(ctx, Problem.of(503, "Service unavailable", failure.getMessage()));
        });
    }

    private JsonWebToken verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        try {
            return parser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            return null;
        }
    }
}
