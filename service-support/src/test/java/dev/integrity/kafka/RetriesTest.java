package dev.integrity.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * How consumers retry. The back-off's first wait is half a second, so a test here retries at most once;
 * the classification of database failures is tested on the exceptions themselves.
 */
class RetriesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final AtomicInteger attempts = new AtomicInteger();
    /** The failures the permanence test was asked about, in order. */
    private final List<Throwable> asked = new ArrayList<>();
    /** The failures told as retried, in order. */
    private final List<Throwable> retried = new ArrayList<>();

    /** Work that fails with each given failure in turn, then succeeds with its number of attempts. */
    private Uni<Integer> failingWith(RuntimeException... failures) {
        return Uni.createFrom().deferred(() -> {
            int attempt = attempts.incrementAndGet();
            return attempt <= failures.length ? Uni.createFrom().failure(failures[attempt - 1]) : Uni.createFrom().item(attempt);
        });
    }

    /** What whileTransient passes on for work failing with each failure in turn, of which only {@code permanent} is. */
    private Throwable passedOn(RuntimeException permanent, RuntimeException... failures) {
        Predicate<Throwable> isPermanent = failure -> {
            asked.add(failure);
            return failure == permanent;
        };
        return assertThrows(RuntimeException.class, () -> Retries.whileTransient(failingWith(failures), isPermanent, retried::add)
                .await().atMost(PATIENCE));
    }

    private static PgException pg(String sqlState) {
        return new PgException("refused", "ERROR", sqlState, null);
    }

    @Test
    void untilDoneRetriesUntilTheWorkSucceeds() {
        RuntimeException outage = new RuntimeException("connection refused");

        int done = Retries.untilDone(failingWith(outage), retried::add).await().atMost(PATIENCE);

        assertEquals(2, done, "succeeded on the second attempt");
        assertEquals(List.of(outage), retried, "the failure was told before its retry");
    }

    @Test
    void whileTransientPassesAPermanentFailureOnWithoutRetrying() {
        RuntimeException refused = new RuntimeException("duplicate key");

        assertSame(refused, passedOn(refused, refused));
        assertEquals(1, attempts.get());
        assertEquals(List.of(refused), asked, "asked once for the one failure");
        assertEquals(List.of(), retried);
    }

    @Test
    void whileTransientRetriesATransientFailureAndAsksOncePerFailure() {
        RuntimeException outage = new IllegalStateException("connection refused");
        RuntimeException refused = new RuntimeException("duplicate key");

        assertSame(refused, passedOn(refused, outage, refused), "the permanent failure after the retried one is passed on");
        assertEquals(2, attempts.get());
        assertEquals(List.of(outage, refused), asked);
        assertEquals(List.of(outage), retried);
    }

    @Test
    void afterRefusalsIsPermanentOnceTheRefusalsAreCounted() {
        Predicate<Throwable> refusal = e -> e instanceof IllegalArgumentException;
        Predicate<Throwable> permanent = Retries.afterRefusals(2, refusal);

        assertFalse(permanent.test(new IllegalArgumentException()), "first refusal");
        assertFalse(permanent.test(new IllegalStateException()), "not a refusal: not counted");
        assertTrue(permanent.test(new IllegalArgumentException()), "second refusal");
        assertFalse(Retries.afterRefusals(2, refusal).test(new IllegalArgumentException()), "each test counts on its own");
        assertTrue(Retries.afterRefusals(1, refusal).test(new IllegalArgumentException()));
    }

    @Test
    void dataTheDatabaseRejectsIsToldFromAnOutage() {
        assertTrue(Retries.rejectedByDatabase(pg("23505")), "unique violation");
        assertTrue(Retries.rejectedByDatabase(pg("22001")), "value too long");
        assertTrue(Retries.rejectedByDatabase(new RuntimeException("wrapped", pg("23503"))), "found among the causes");
        assertTrue(Retries.rejectedByDatabase(new RuntimeException(new SQLException("jdbc", "23505"))), "JDBC's too");
        assertFalse(Retries.rejectedByDatabase(pg("40P01")), "deadlock: retrying cures it");
        assertFalse(Retries.rejectedByDatabase(pg("57P01")), "admin shutdown");
        assertFalse(Retries.rejectedByDatabase(new SQLException("jdbc", "08006")), "connection failure");
        assertFalse(Retries.rejectedByDatabase(new RuntimeException("connection refused")));
    }

    @Test
    void aStatementTheDatabaseAnsweredWithAnErrorWasRefused() {
        assertTrue(Retries.refusedByDatabase(pg("23505")));
        assertTrue(Retries.refusedByDatabase(pg("40P01")), "whatever the error");
        assertFalse(Retries.refusedByDatabase(new SQLException("jdbc", "23505")));
        assertFalse(Retries.refusedByDatabase(new RuntimeException("connection refused")));
    }
}
