package dev.integrity.scoring.repository;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.review.AppealStatus;
import dev.integrity.scoring.model.Appeal;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Appeals in PostgreSQL: one per enforcement (a unique key), decided at most once (a conditional update). */
@ApplicationScoped
public class AppealRepository {

    @Inject
    Pool pool;

    public Pool pool() {
        return pool;
    }

    /** Files an appeal; null when the enforcement has one already. */
    public Uni<Appeal> insert(String id, String enforcementId, String accountId, String message) {
        return pool.preparedQuery("""
                INSERT INTO appeal (id, enforcement_id, account_id, status, message) VALUES ($1, $2, $3, 'OPEN', $4)
                ON CONFLICT (enforcement_id) DO NOTHING RETURNING *""")
                .execute(Tuple.of(id, enforcementId, accountId, message))
                .map(rows -> rows.size() == 0 ? null : toAppeal(rows.iterator().next()));
    }

    /** How many appeals the account filed since {@code since}. */
    public Uni<Long> countSince(String accountId, Instant since) {
        return pool.preparedQuery("SELECT count(*) FROM appeal WHERE account_id = $1 AND created_at >= $2")
                .execute(Tuple.of(accountId, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Appeal> find(String id) {
        return pool.preparedQuery("SELECT * FROM appeal WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toAppeal(rows.iterator().next()));
    }

    /** The account's appeals, newest first. */
    public Uni<List<Appeal>> ofAccount(String accountId, int limit) {
        return pool.preparedQuery("SELECT * FROM appeal WHERE account_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2")
                .execute(Tuple.of(accountId, limit)).map(AppealRepository::toList);
    }

    /** The queue: appeals of a status, oldest first, after a place in that order (null: from the start). */
    public Uni<List<Appeal>> withStatus(AppealStatus status, Instant afterCreated, String afterId, int limit) {
        return pool.preparedQuery("""
                SELECT * FROM appeal WHERE status = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3))
                ORDER BY created_at, id LIMIT $4""")
                .execute(Tuple.from(java.util.Arrays.asList(status.name(), afterCreated == null ? null : afterCreated.atOffset(ZoneOffset.UTC),
                        afterId == null ? "" : afterId, limit)))
                .map(AppealRepository::toList);
    }

    /** Within the caller's transaction: decides an OPEN appeal; null when it is not open (any more). */
    public Uni<Appeal> decide(SqlClient client, String id, AppealStatus to, String note, String actor) {
        if (!AppealStatus.OPEN.canBecome(to)) {
            throw new IllegalArgumentException("an appeal cannot be decided as " + to);
        }
        return client.preparedQuery("""
                UPDATE appeal SET status = $2, note = $3, decided_by = $4, decided_at = now()
                WHERE id = $1 AND status = 'OPEN' RETURNING *""")
                .execute(Tuple.of(id, to.name(), note, actor))
                .map(rows -> rows.size() == 0 ? null : toAppeal(rows.iterator().next()));
    }

    private static List<Appeal> toList(RowSet<Row> rows) {
        List<Appeal> list = new ArrayList<>();
        rows.forEach(r -> list.add(toAppeal(r)));
        return list;
    }

    private static Appeal toAppeal(Row row) {
        return new Appeal(row.getString("id"), row.getString("enforcement_id"), row.getString("account_id"),
                AppealStatus.valueOf(row.getString("status")), row.getString("message"), row.getString("note"), row.getString("decided_by"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("decided_at") == null ? null : row.getOffsetDateTime("decided_at").toInstant());
    }
}
