package dev.integrity.gateway.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * The circuit breaker of one downstream service: SmallRye Fault Tolerance's, through its programmatic
 * API. Closed, it counts the calls that got no answer ({@link DownstreamUnavailableException}); after
 * {@code failures} of them in a row it opens and every call fails at once (the gateway answers 503
 * with Retry-After) for {@code delay}; then it is half-open: one trial call goes through, and its
 * success closes the breaker while its failure opens it again. Answers of any status are successes:
 * the service answered.
 */
public final class DownstreamBreaker {

    /** The breaker's state and its value in the {@code gateway_downstream_breaker_state} gauge. */
    public enum State {
        CLOSED(0), OPEN(1), HALF_OPEN(2);

        private final int gauge;

        State(int gauge) {
            this.gauge = gauge;
        }

        public int gauge() {
            return gauge;
        }

        static State of(CircuitBreakerState state) {
            return switch (state) {
                case CLOSED -> CLOSED;
                case OPEN -> OPEN;
                case HALF_OPEN -> HALF_OPEN;
            };
        }
    }

    private final String name;
    private final Duration delay;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final TypedGuard<Uni<DownstreamResponse>> guard;

    /**
     * @param name the downstream service, for messages
     * @param failures calls in a row without an answer after which the breaker opens
     * @param delay how long an open breaker fails fast before it lets a trial call through
     */
    public DownstreamBreaker(String name, int failures, Duration delay) {
        if (failures < 1) {
            throw new IllegalArgumentException("breaker-failures must be 1 or more, not " + failures);
        }
        this.name = name;
        this.delay = delay;
        this.guard = TypedGuard.create(new TypeLiteral<Uni<DownstreamResponse>>() {
        })
                .withDescription(name)
                .withCircuitBreaker()
                // A window of the last `failures` calls that opens when all of them failed: `failures` in a row.
                .requestVolumeThreshold(failures)
                .failureRatio(1.0)
                .delay(delay.toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .failOn(DownstreamUnavailableException.class)
                .onStateChange(changed -> state.set(State.of(changed)))
                .done()
                // The call stays on the caller's thread (a Vert.x event loop): the breaker only decides.
                .withThreadOffload(false)
                .build();
    }

    /** Runs the call through the breaker, when it is subscribed to; an open breaker fails it at once. */
    public Uni<DownstreamResponse> call(Supplier<Uni<DownstreamResponse>> call) {
        return Uni.createFrom().deferred(() -> guard.get(call))
                .onFailure(CircuitBreakerOpenException.class)
                .transform(e -> new DownstreamUnavailableException(
                        name + " is failing; calls are paused for up to " + delay.toSeconds() + " s", e));
    }

    public State state() {
        return state.get();
    }

    public boolean isOpen() {
        return state() == State.OPEN;
    }
}
