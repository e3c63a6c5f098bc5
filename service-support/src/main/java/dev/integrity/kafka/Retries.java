package dev.integrity.kafka;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * How the suite's consumers retry, which must not skip a record: with the same back-off (half a second,
 * doubling up to 15 s), for as long as the failure is one retrying can cure. A retry resubscribes to the
 * work, so work that must run again is deferred by the caller.
 */
public final class Retries {

    public static final Duration FIRST_BACK_OFF = Duration.ofMillis(500);
    public static final Duration MAX_BACK_OFF = Duration.ofSeconds(15);

    private Retries() {
    }

    /** Work a consumer must not give up on (an outage is waited out; a dead letter is sent however long Kafka takes). */
    public static <T> Uni<T> untilDone(Uni<T> work, Consumer<Throwable> onRetry) {
        return whileTransient(work, failure -> false, onRetry);
    }

    /**
     * Retries the work while it fails in a way retrying can cure, such as an outage; the partition waits,
     * nothing is skipped. A failure {@code isPermanent} tells is passed on, for the caller to dead-letter the
     * record. The predicate is asked once per failure (so it may count them, see {@link #afterRefusals}).
     *
     * @param onRetry told each failure that will be retried (to log it)
     */
    public static <T> Uni<T> whileTransient(Uni<T> work, Predicate<Throwable> isPermanent, Consumer<Throwable> onRetry) {
        return work.onFailure(failure -> {
            if (isPermanent.test(failure)) {
                return false;
            }
            onRetry.accept(failure);
            return true;
        }).retry().withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).indefinitely();
    }

    /**
     * PostgreSQL rejecting the data itself (SQLSTATE classes 22, data exception, and 23, integrity constraint
     * violation), as opposed to the database or Redis being down, or a deadlock: retrying the former forever
     * would block the partition.
     */
    public static boolean rejectedByDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether PostgreSQL answered the statement with an error (it ran, and refused), whatever the error. */
    public static boolean refusedByDatabase(Throwable failure) {
        return failure instanceof PgException;
    }

    /**
     * A fresh, counting test for one record's work: permanent once {@code refusal} has told {@code times}
     * failures (a statement PostgreSQL refused that often is not going to succeed on a retry).
     */
    public static Predicate<Throwable> afterRefusals(int times, Predicate<Throwable> refusal) {
        AtomicInteger refusals = new AtomicInteger();
        return failure -> refusal.test(failure) && refusals.incrementAndGet() >= times;
    }

    private static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof SQLException jdbc) {
            return jdbc.getSQLState(); // also under Hibernate's JDBCException, whose cause it is
        }
        return null;
    }
}
