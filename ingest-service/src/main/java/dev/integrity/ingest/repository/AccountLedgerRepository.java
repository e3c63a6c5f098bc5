package dev.integrity.ingest.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.enforcement.Removed;
import dev.integrity.ingest.model.AccountLedger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads an account's counts and removal totals for the gateway. */
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

    private static long orZero(Row row, String column) {
        Number value = (Number) row.getValue(column);
        return value == null ? 0 : value.longValue();
    }
}
