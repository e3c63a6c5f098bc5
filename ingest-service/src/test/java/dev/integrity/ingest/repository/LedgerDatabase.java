package dev.integrity.ingest.repository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;

import dev.integrity.contract.AppClassifier;
import dev.integrity.ingest.service.LedgerPlanner;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * The ledger's repositories on the real test database, outside Quarkus, for property tests:
 * connection settings come from the same environment ./suite test exports.
 */
final class LedgerDatabase implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final Pool pool;
    final LedgerRepository ledger;
    final EnforcementLedger enforcements;

    LedgerDatabase() {
        String host = env("PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("PG_PORT", "5432"));
        String user = env("DB_USER", "integrity");
        String password = env("DB_PASSWORD", "");
        String database = "integrity_ingest_test";
        Flyway.configure().dataSource("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password)
                .load().migrate();
        PgConnectOptions connect = new PgConnectOptions().setHost(host).setPort(port).setUser(user)
                .setPassword(password).setDatabase(database);
        pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(connect)
                .using(vertx.getDelegate()).build());
        ledger = new LedgerRepository(pool, new LedgerPlanner(AppClassifier.defaults()));
        enforcements = new EnforcementLedger(pool, new ActionOutbox(pool), Clock.systemUTC());
    }

    /**
     * Every edge and count that involves an account whose id starts with the prefix, as text rows
     * in a stable order: two snapshots are equal exactly when the ledger is the same.
     */
    List<String> snapshot(String prefix) {
        String like = prefix + "%";
        List<String> rows = new ArrayList<>();
        query(rows, "SELECT 'F', id, follower_id, followee_id, ended_at, end_reason, removed_by FROM follow_edge "
                + "WHERE follower_id LIKE $1 ORDER BY id", like);
        query(rows, "SELECT 'L', id, account_id, media_id, owner_id, ended_at, end_reason, removed_by FROM like_edge "
                + "WHERE account_id LIKE $1 ORDER BY id", like);
        query(rows, "SELECT 'C', id, account_id, owner_id, removed_by FROM comment WHERE account_id LIKE $1 ORDER BY id", like);
        query(rows, "SELECT 'N', account_id, followers, following, likes_given, likes_received, comments_given, comments_received "
                + "FROM account_counts WHERE account_id LIKE $1 ORDER BY account_id", like);
        return rows;
    }

    /** Counts recomputed from the active edges, in the same shape as the 'N' rows of a snapshot (zero rows omitted). */
    List<String> recomputedCounts(String prefix) {
        List<String> rows = new ArrayList<>();
        query(rows, """
                WITH f AS (SELECT * FROM follow_edge WHERE ended_at IS NULL AND removed_by IS NULL AND follower_id LIKE $1),
                     l AS (SELECT * FROM like_edge WHERE ended_at IS NULL AND removed_by IS NULL AND account_id LIKE $1),
                     c AS (SELECT * FROM comment WHERE removed_by IS NULL AND account_id LIKE $1),
                     ids AS (SELECT follower_id AS id FROM f UNION SELECT followee_id FROM f UNION SELECT account_id FROM l
                             UNION SELECT owner_id FROM l UNION SELECT account_id FROM c UNION SELECT owner_id FROM c)
                SELECT 'N', ids.id,
                       (SELECT count(*) FROM f WHERE followee_id = ids.id), (SELECT count(*) FROM f WHERE follower_id = ids.id),
                       (SELECT count(*) FROM l WHERE account_id = ids.id), (SELECT count(*) FROM l WHERE owner_id = ids.id),
                       (SELECT count(*) FROM c WHERE account_id = ids.id), (SELECT count(*) FROM c WHERE owner_id = ids.id)
                FROM ids ORDER BY ids.id""", prefix + "%");
        return rows;
    }

    List<String> nonZeroCounts(String prefix) {
        return snapshot(prefix).stream().filter(r -> r.startsWith("N|"))
                .filter(r -> !r.matches("N\\|[^|]+(\\|0)+")).toList();
    }

    private void query(List<String> out, String sql, String like) {
        for (Row row : pool.preparedQuery(sql).execute(Tuple.of(like)).await().indefinitely()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "|").append(row.getValue(i));
            }
            out.add(line.toString());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }
}
