package dev.integrity.gateway.security;

import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.integrity.contract.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Applies the rate limit to every API route, keyed by the bearer token (or the client address without
 * one). Every answer of a counted route carries the limit's state in the {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} fields of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers, in the form of its drafts before the fields were merged into
 * {@code RateLimit} and {@code RateLimit-Policy}); a refused request also has {@code Retry-After}.
 */
public class RateLimitFilter {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";
    private static final String VERDICT = RateLimitFilter.class.getName() + ".verdict";

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext context, ResourceInfo resource, HttpServerRequest request) {
        String path = context.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        String credential = authorization != null ? authorization
                : "ip:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        String route = route(context.getMethod(), resource.getResourceClass(), resource.getResourceMethod());
        return limiter.check(credential, route).map(verdict -> {
            if (verdict.counted()) {
                context.setProperty(VERDICT, verdict);
            }
            if (verdict.allowed()) {
                return null;
            }
            Response.ResponseBuilder refused = Response.status(429).type(Problem.MEDIA_TYPE)
                    .header("Retry-After", verdict.retryAfterSeconds())
                    .entity(Problem.of(429, "Too many requests",
                            "The rate limit for " + route + " is reached; retry after " + verdict.retryAfterSeconds() + " s."));
            headers(verdict).forEach(refused::header);
            return refused.build();
        });
    }

    /** The limit's state on every answer of a counted route, allowed or refused. */
    @ServerResponseFilter
    public void state(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERDICT) instanceof RateLimiter.Verdict verdict) {
            headers(verdict).forEach(response.getHeaders()::putSingle);
        }
    }

    static Map<String, Object> headers(RateLimiter.Verdict verdict) {
        return Map.of(LIMIT, verdict.limit(), REMAINING, verdict.remaining(), RESET, verdict.resetSeconds());
    }

    /** A route as the limit (and its metric) names it: the method and the resource's path template. */
    public static String route(String httpMethod, Class<?> resourceClass, java.lang.reflect.Method resourceMethod) {
        jakarta.ws.rs.Path type = resourceClass == null ? null : resourceClass.getAnnotation(jakarta.ws.rs.Path.class);
        jakarta.ws.rs.Path method = resourceMethod == null ? null : resourceMethod.getAnnotation(jakarta.ws.rs.Path.class);
        return httpMethod + " " + (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
    }
}
