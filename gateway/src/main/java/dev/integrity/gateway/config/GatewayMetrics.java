package dev.integrity.gateway.config;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import dev.integrity.gateway.security.RateLimitFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The gateway's own metrics, each series registered at start (value 0) so that an alert sees the
 * first increment: {@code gateway_rate_limited_total{route}} for every public API route.
 */
@Startup
@ApplicationScoped
public class GatewayMetrics {

    static final String RATE_LIMITED = "gateway.rate.limited";

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry, BeanManager beans) {
        this.registry = registry;
        for (String route : apiRoutes(beans)) {
            rateLimitedCounter(route);
        }
    }

    public void rateLimited(String route) {
        rateLimitedCounter(route).increment();
    }

    private Counter rateLimitedCounter(String route) {
        return Counter.builder(RATE_LIMITED).description("Requests refused by the rate limit").tag("route", route).register(registry);
    }

    /** Every route the rate limit counts: the resource methods under /api/, named as {@link RateLimitFilter#route} names them. */
    static Set<String> apiRoutes(BeanManager beans) {
        Set<String> routes = new TreeSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path path = type.getAnnotation(Path.class);
            if (path == null || !path.value().startsWith("/api/")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    routes.add(RateLimitFilter.route(http, type, method));
                }
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return method.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
    }
}
