package dev.integrity.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import dev.integrity.gateway.client.DownstreamBreaker.State;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * The downstream breaker without a server: closed, open after failures in a row, half-open after the
 * delay with one trial call, closed again by its success or open again by its failure.
 */
class DownstreamBreakerTest {

    private static final Duration DELAY = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final DownstreamBreaker breaker = new DownstreamBreaker("test-service", 2, DELAY);
    private final AtomicInteger calls = new AtomicInteger();

    private Uni<DownstreamResponse> answered() {
        return Uni.createFrom().item(() -> {
            calls.incrementAndGet();
            return new DownstreamResponse(200, "application/json", null, null, null);
        });
    }

    private Uni<DownstreamResponse> noAnswer() {
        return Uni.createFrom().failure(() -> {
            calls.incrementAndGet();
            return new DownstreamUnavailableException("test-service did not answer");
        });
    }

    private DownstreamResponse succeed() {
        return breaker.call(this::answered).await().atMost(PATIENCE);
    }

    private DownstreamUnavailableException fail() {
        return assertThrows(DownstreamUnavailableException.class, () -> breaker.call(this::noAnswer).await().atMost(PATIENCE));
    }

    /** A call that the open (or busy half-open) breaker refuses without making it. */
    private void refused() {
        int before = calls.get();
        DownstreamUnavailableException refused = assertThrows(DownstreamUnavailableException.class,
                () -> breaker.call(this::answered).await().atMost(PATIENCE));
        assertInstanceOf(CircuitBreakerOpenException.class, refused.getCause(), refused.toString());
        assertEquals(before, calls.get(), "the refused call was not made");
    }

    private void open() {
        fail();
        fail();
        assertEquals(State.OPEN, breaker.state());
    }

    private void awaitState(State wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (breaker.state() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(wanted, breaker.state());
    }

    @Test
    void itStartsClosedAndAnswersPassThrough() {
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(200, succeed().status());
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(0, State.CLOSED.gauge());
        assertEquals(1, State.OPEN.gauge());
        assertEquals(2, State.HALF_OPEN.gauge());
    }

    @Test
    void failuresInARowOpenItAndAnOpenBreakerFailsFast() {
        fail();
        assertEquals(State.CLOSED, breaker.state(), "one failure is not enough");
        fail();
        assertEquals(State.OPEN, breaker.state());
        assertTrue(breaker.isOpen());
        refused();
    }

    @Test
    void aSuccessInBetweenKeepsItClosed() {
        fail();
        succeed();
        fail();
        assertEquals(State.CLOSED, breaker.state());
        succeed();
        fail();
        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void otherFailuresAreNotCounted() {
        for (int i = 0; i < 3; i++) {
            assertThrows(IllegalStateException.class, () -> breaker.call(() -> Uni.createFrom().failure(new IllegalStateException("a bug")))
                    .await().atMost(PATIENCE));
        }
        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void afterTheDelayItIsHalfOpenLetsOneTrialCallThroughAndItsSuccessClosesIt() throws Exception {
        open();
        refused();
        awaitState(State.HALF_OPEN);

        // The trial call is under way (its answer pending): a second call meanwhile is refused.
        AtomicReference<UniEmitter<? super DownstreamResponse>> pending = new AtomicReference<>();
        int before = calls.get();
        CompletableFuture<DownstreamResponse> trial = breaker.call(() -> Uni.createFrom().emitter(e -> {
            calls.incrementAndGet();
            pending.set(e);
        })).subscribeAsCompletionStage();
        assertEquals(before + 1, calls.get(), "the trial call was made");
        assertEquals(State.HALF_OPEN, breaker.state());
        refused();

        pending.get().complete(new DownstreamResponse(200, "application/json", null, null, null));
        assertEquals(200, trial.get().status());
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(200, succeed().status());
    }

    @Test
    void aFailedTrialCallOpensItAgain() throws Exception {
        open();
        awaitState(State.HALF_OPEN);
        fail();
        assertEquals(State.OPEN, breaker.state());
        refused();
        // ... and it goes half-open again after another delay.
        awaitState(State.HALF_OPEN);
        succeed();
        assertEquals(State.CLOSED, breaker.state());
    }
}
