package dev.integrity.scoring.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.review.CaseKind;
import dev.integrity.contract.review.CaseStatus;
import dev.integrity.scoring.decision.CaseRules;
import dev.integrity.scoring.model.Enforcement;
import dev.integrity.scoring.model.ReviewCase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Review cases in PostgreSQL. At most one case per cause is open (a partial unique index), so
 * concurrent holds for one farm or one receiver land in the same case whichever replica holds them.
 */
@ApplicationScoped
public class CaseRepository {

    private final Pool pool;

    public CaseRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Puts a held enforcement into the open case of its cause ({@link CaseRules#cause}), opening one
     * when there is none; the account's lockstep group is read as it is now, since groups merge.
     * Answers the case's id.
     */
    public Uni<String> attach(Enforcement held, String protectedReceiver) {
        return pool.withTransaction(client -> client.preparedQuery("SELECT group_id FROM lockstep_member WHERE account_id = $1")
                .execute(Tuple.of(held.accountId()))
                .chain(rows -> {
                    String group = rows.size() == 0 ? held.groupId() : rows.iterator().next().getString(0);
                    CaseRules.Cause cause = CaseRules.cause(held.id(), held.accountId(), held.action(), group, protectedReceiver);
                    return client.preparedQuery("""
                            INSERT INTO review_case (id, kind, cause, status, title, group_id) VALUES ($1, $2, $3, 'OPEN', $4, $5)
                            ON CONFLICT (cause) WHERE status = 'OPEN' DO UPDATE SET updated_at = now() RETURNING id""")
                            .execute(Tuple.from(Arrays.asList("case-" + UUID.randomUUID().toString().replace("-", ""), cause.kind().name(),
                                    cause.key(), cause.title(), cause.groupId())));
                })
                .map(rows -> rows.iterator().next().getString(0))
                .call(caseId -> client.preparedQuery("UPDATE enforcement SET case_id = $2 WHERE id = $1")
                        .execute(Tuple.of(held.id(), caseId))));
    }

    /**
     * Closes the case when none of its members is held any more. The case row is locked first, so the
     * check runs after any hold that joined it meanwhile has committed.
     */
    public Uni<Boolean> closeIfDone(String caseId) {
        return pool.withTransaction(client -> lock(client, caseId)
                .chain(found -> found == null || found.status() != CaseStatus.OPEN ? Uni.createFrom().item(false)
                        : client.preparedQuery("""
                                UPDATE review_case SET status = 'CLOSED', closed_at = now(), updated_at = now()
                                WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM enforcement WHERE case_id = $1 AND status = 'HELD')""")
                                .execute(Tuple.of(caseId)).map(rows -> rows.rowCount() == 1)));
    }

    /** Within the caller's transaction: the case, its row locked until the transaction ends; null when unknown. */
    public Uni<ReviewCase> lock(SqlClient client, String caseId) {
        return client.preparedQuery("SELECT * FROM review_case WHERE id = $1 FOR UPDATE").execute(Tuple.of(caseId))
                .map(rows -> rows.size() == 0 ? null : toCase(rows.iterator().next()));
    }

    /** Within the caller's transaction: the ids of the case's members that are HELD. */
    public Uni<List<String>> heldMembers(SqlClient client, String caseId) {
        return client.preparedQuery("SELECT id FROM enforcement WHERE case_id = $1 AND status = 'HELD' ORDER BY created_at, id")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getString(0)));
                    return ids;
                });
    }

    public Uni<ReviewCase> find(String caseId) {
        return pool.preparedQuery("SELECT * FROM review_case WHERE id = $1").execute(Tuple.of(caseId))
                .map(rows -> rows.size() == 0 ? null : toCase(rows.iterator().next()));
    }

    /** Cases of a status (and kind, when given) oldest first, after a place in that order (null: from the start). */
    public Uni<List<ReviewCase>> page(CaseStatus status, CaseKind kind, Instant afterCreated, String afterId, int limit) {
        return pool.preparedQuery("""
                SELECT * FROM review_case WHERE status = $1 AND ($2 = '' OR kind = $2)
                  AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4))
                ORDER BY created_at, id LIMIT $5""")
                .execute(Tuple.from(Arrays.asList(status.name(), kind == null ? "" : kind.name(),
                        afterCreated == null ? null : afterCreated.atOffset(ZoneOffset.UTC), afterId == null ? "" : afterId, limit)))
                .map(rows -> {
                    List<ReviewCase> cases = new ArrayList<>();
                    rows.forEach(r -> cases.add(toCase(r)));
                    return cases;
                });
    }

    /** How many cases are open now (a gauge). */
    public Uni<Long> countOpen() {
        return pool.preparedQuery("SELECT count(*) FROM review_case WHERE status = 'OPEN'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static ReviewCase toCase(Row row) {
        return new ReviewCase(row.getString("id"), CaseKind.valueOf(row.getString("kind")), CaseStatus.valueOf(row.getString("status")),
                row.getString("title"), row.getString("group_id"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant(),
                row.getOffsetDateTime("closed_at") == null ? null : row.getOffsetDateTime("closed_at").toInstant());
    }
}
