package dev.integrity.ingest.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.enforcement.Removed;
import dev.integrity.ingest.model.AccountActivity;
import dev.integrity.ingest.model.AccountLedger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads an account's counts, removal totals and hourly activity for the gateway. */
@ApplicationScoped
public class AccountLedgerRepository {

    private final Pool pool;

    public AccountLedgerRepository(Pool pool) {
        this.pool = pool;
    }

    /** The account's ledger view, or null when the ledger has never seen the account. */
    public Uni<AccountLedger> find(String accountId) {
        return pool.preparedQuery("""
                SELECT c.followers, c.following, c.likes_given, c.likes_received, c.comments_given, c.comments_received,
                       r.follows, r.likes, r.comments,
                       (c.account_id IS NOT NULL OR EXISTS (SELECT 1 FROM processed_event WHERE account_id = $1)) AS known
                FROM (SELECT $1::varchar AS id) a
                LEFT JOIN account_counts c ON c.account_id = a.id
                CROSS JOIN (SELECT COALESCE(sum(follows_removed), 0) AS follows, COALESCE(sum(likes_removed), 0) AS likes,
                                   COALESCE(sum(comments_removed), 0) AS comments
                            FROM enforcement_application WHERE account_id = $1 AND status = 'APPLIED') r""")
                .execute(Tuple.of(accountId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (!row.getBoolean("known")) {
                        return null;
                    }
                    return new AccountLedger(accountId, orZero(row, "followers"), orZero(row, "following"),
                            orZero(row, "likes_given"), orZero(row, "likes_received"), orZero(row, "comments_given"),
                            orZero(row, "comments_received"),
                            new Removed(orZero(row, "follows"), orZero(row, "likes"), orZero(row, "comments")));
                });
    }

    /**
     * The follows, likes and comments the account gave, per hour (UTC) and app, oldest first, in the
     * {@code hours} up to its newest one (both ends included); or null when the ledger has never seen
     * the account. Every edge created in the window counts, whether or not it has since ended or been
     * removed. The app is the client app when the edge was stored as third-party, else first-party.
     * One statement; each table is read through its (actor, created_at) index.
     */
    public Uni<AccountActivity> activity(String accountId, int hours) {
        return pool.preparedQuery("""
                WITH since AS (
                    SELECT max(newest) - make_interval(hours => $2) AS at FROM (
                        SELECT max(created_at) AS newest FROM follow_edge WHERE follower_id = $1
                        UNION ALL SELECT max(created_at) FROM like_edge WHERE account_id = $1
                        UNION ALL SELECT max(created_at) FROM comment WHERE account_id = $1) n),
                given AS (
                    SELECT created_at, client_app_id, third_party, 1 AS follows, 0 AS likes, 0 AS comments
                    FROM follow_edge WHERE follower_id = $1 AND created_at >= (SELECT at FROM since)
                    UNION ALL
                    SELECT created_at, client_app_id, third_party, 0, 1, 0
                    FROM like_edge WHERE account_id = $1 AND created_at >= (SELECT at FROM since)
                    UNION ALL
                    SELECT created_at, client_app_id, third_party, 0, 0, 1
                    FROM comment WHERE account_id = $1 AND created_at >= (SELECT at FROM since)),
                hourly AS (
                    SELECT date_trunc('hour', created_at, 'UTC') AS at,
                           CASE WHEN third_party AND client_app_id IS NOT NULL THEN client_app_id ELSE $3 END AS app,
                           sum(follows) AS follows, sum(likes) AS likes, sum(comments) AS comments
                    FROM given GROUP BY 1, 2)
                SELECT k.known, h.at, h.app, h.follows, h.likes, h.comments
                FROM (SELECT EXISTS (SELECT 1 FROM account_counts WHERE account_id = $1)
                             OR EXISTS (SELECT 1 FROM processed_event WHERE account_id = $1) AS known) k
                LEFT JOIN hourly h ON true
                ORDER BY h.at, h.app""")
                .execute(Tuple.of(accountId, hours, AccountActivity.FIRST_PARTY))
                .map(rows -> {
                    List<AccountActivity.Hour> items = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        if (!row.getBoolean("known")) {
                            return null;
                        }
                        if (row.getValue("at") != null) {
                            items.add(new AccountActivity.Hour(row.getOffsetDateTime("at").toInstant(), row.getString("app"),
                                    row.getLong("follows"), row.getLong("likes"), row.getLong("comments")));
                        }
                    }
                    return AccountActivity.hourly(accountId, items);
                });
    }

    private static long orZero(Row row, String column) {
        Number value = (Number) row.getValue(column);
        return value == null ? 0 : value.longValue();
    }
}
