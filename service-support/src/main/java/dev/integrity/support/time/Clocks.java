package dev.integrity.support.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock every service reads wall time from, in UTC. Beans take it injected instead of asking
 * the system, so that a test can fix or move time by producing a Clock of its own (which replaces this one).
 */
@Singleton
public class Clocks {

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
