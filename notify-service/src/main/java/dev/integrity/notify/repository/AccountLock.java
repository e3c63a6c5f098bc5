package dev.integrity.notify.repository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Serialises the transactions that touch one account's warnings and remediation steps (a
 * PostgreSQL advisory lock held until commit), so that a warning and the event that resolves it,
 * consumed at the same moment from different topics, cannot both miss each other.
 */
@ApplicationScoped
public class AccountLock {

    /** Namespaces this service's advisory locks (the first key of the two-key form). */
    private static final int NAMESPACE = 0x4e6f74; // "Not"

    private static final String LOCK = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + NAMESPACE + ", hashtext(:accountId))) AS locked";

    @Inject
    Clock clock;

    /**
     * Must run inside a transaction; the lock is released when it ends.
     *
     * @return the time the transaction acts at: now, once the lock is held, to the microsecond PostgreSQL stores
     */
    public Uni<Instant> lock(String accountId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK).setParameter("accountId", accountId).getSingleResult())
                .map(locked -> Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
    }
}
