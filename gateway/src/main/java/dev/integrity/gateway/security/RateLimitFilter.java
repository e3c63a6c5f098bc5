package dev.integrity.gateway.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.integrity.contract.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Applies the rate limit to every API route, keyed by the bearer token (or the client address without one). */
public class RateLimitFilter {

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
        String route = context.getMethod() + " " + template(resource);
        return limiter.check(credential, route).map(verdict -> verdict.allowed() ? null
                : Response.status(429).type(Problem.MEDIA_TYPE)
                        .header("Retry-After", verdict.retryAfterSeconds())
                        .entity(Problem.of(429, "Too many requests",
                                "The rate limit for " + route + " is reached; retry after " + verdict.retryAfterSeconds() + " s."))
                        .build());
    }

    private static String template(ResourceInfo resource) {
        jakarta.ws.rs.Path type = resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
        jakarta.ws.rs.Path method = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(jakarta.ws.rs.Path.class);
        return (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
    }
}
