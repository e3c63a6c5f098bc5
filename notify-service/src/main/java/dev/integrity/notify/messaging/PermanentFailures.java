package dev.integrity.notify.messaging;

import org.hibernate.JDBCException;

import io.vertx.pgclient.PgException;

/**
 * Tells a failure that retrying can cure (the database or Redis is down, a deadlock) from one it
 * cannot: PostgreSQL rejecting the data itself (SQLSTATE classes 22, data exception, and 23,
 * integrity constraint violation). Retrying the latter forever would block the partition.
 */
final class PermanentFailures {

    private PermanentFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return null;
    }
}
