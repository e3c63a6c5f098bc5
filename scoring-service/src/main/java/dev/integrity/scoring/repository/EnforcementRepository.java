package dev.integrity.scoring.repository;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.scoring.model.Enforcement;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The enforcement lifecycle in PostgreSQL, every transition audited in the same transaction. */
@ApplicationScoped
public class EnforcementRepository {

    @Inject
    Pool pool;

    public Pool pool() {
        return pool;
    }

    /** Inserts a PROPOSED enforcement; false when it exists already or another is open for the account. */
    public Uni<Boolean> insertProposed(SqlClient client, Enforcement e) {
        return client.preparedQuery("""
                INSERT INTO enforcement (id, account_id, action, strike, status, reasons, model_version, decided_by, scope, group_id)
                VALUES ($1, $2, $3, $4, 'PROPOSED', $5::text::jsonb, $6, 'model', $7::text::jsonb, $8) ON CONFLICT DO NOTHING""")
                .execute(Tuple.from(List.of(e.id(), e.accountId(), e.action().name(), e.strike(), Json.write(e.reasons()),
                        e.modelVersion(), Json.write(e.scope()), e.groupId() == null ? "" : e.groupId())))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : audit(client, e.id(), null, EnforcementStatus.PROPOSED.name(), "model", String.join("; ", e.reasons())).replaceWith(true));
    }

    /**
     * Moves an enforcement to {@code to} from any status allowed to move there, with its audit line;
     * answers the enforcement after the move, or null when its status allowed no such move.
     */
    public Uni<Enforcement> transition(String id, EnforcementStatus to, String actor, String note) {
        String[] from = EnforcementStatus.from(to).stream().map(Enum::name).toArray(String[]::new);
        return pool.withTransaction(client -> client.preparedQuery("""
                WITH before AS (SELECT id, status FROM enforcement WHERE id = $1 AND status = ANY($2::varchar[]) FOR UPDATE)
                UPDATE enforcement e SET status = $3::varchar, decided_by = $4, updated_at = now(),
                  held_reason = CASE WHEN $3::varchar = 'HELD' THEN $5 ELSE e.held_reason END
                FROM before WHERE e.id = before.id RETURNING before.status""")
                .execute(Tuple.from(List.of(id, from, to.name(), actor, note == null ? "" : note)))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    return audit(client, id, rows.iterator().next().getString(0), to.name(), actor, note).chain(() -> find(client, id));
                }));
    }

    public Uni<Void> recordImpact(String id, List<ReceiverImpact> receivers, Removed removed) {
        return pool.preparedQuery("""
                UPDATE enforcement SET receivers = $2::text::jsonb, removed_follows = $3, removed_likes = $4, removed_comments = $5,
                  updated_at = now() WHERE id = $1""")
                .execute(Tuple.from(List.of(id, Json.write(receivers), removed.follows(), removed.likes(), removed.comments())))
                .replaceWithVoid();
    }

    /** How many enforcements have this status now (a gauge's periodic count). */
    public Uni<Long> count(EnforcementStatus status) {
        return pool.preparedQuery("SELECT count(*) FROM enforcement WHERE status = $1").execute(Tuple.of(status.name()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Enforcement> find(String id) {
        return find(pool, id);
    }

    private Uni<Enforcement> find(SqlClient client, String id) {
        return client.preparedQuery("SELECT * FROM enforcement WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toEnforcement(rows.iterator().next()));
    }

    /**
     * Enforcements newest first, filtered by status and account, after a place in that order (the
     * creation time and id of the last one seen; null from the start).
     */
    public Uni<List<Enforcement>> list(EnforcementStatus status, String accountId, Instant afterCreated, String afterId, int limit) {
        return pool.preparedQuery("""
                SELECT * FROM enforcement WHERE ($1 = '' OR status = $1) AND ($2 = '' OR account_id = $2)
                  AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5))
                ORDER BY created_at DESC, id DESC LIMIT $3""")
                .execute(Tuple.from(java.util.Arrays.asList(status == null ? "" : status.name(), accountId == null ? "" : accountId, limit,
                        afterCreated == null ? null : afterCreated.atOffset(java.time.ZoneOffset.UTC), afterId == null ? "" : afterId)))
                .map(EnforcementRepository::toList);
    }

    /** HELD enforcements in no case (held before cases existed), oldest first. */
    public Uni<List<Enforcement>> heldWithoutCase(int limit) {
        return pool.preparedQuery("SELECT * FROM enforcement WHERE status = 'HELD' AND case_id IS NULL ORDER BY created_at, id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(EnforcementRepository::toList);
    }

    /** The members of the given review cases, oldest first. */
    public Uni<List<Enforcement>> inCases(Collection<String> caseIds) {
        return pool.preparedQuery("SELECT * FROM enforcement WHERE case_id = ANY($1::varchar[]) ORDER BY created_at, id")
                .execute(Tuple.of(caseIds.toArray(String[]::new)))
                .map(EnforcementRepository::toList);
    }

    /**
     * Within the caller's transaction, moves every listed enforcement that is still {@code from} to
     * {@code to}, one audit line each with the same actor and note; answers those it moved.
     */
    public Uni<List<Enforcement>> transitionAll(SqlClient client, List<String> ids, EnforcementStatus from, EnforcementStatus to, String actor,
            String note) {
        if (!from.canBecome(to)) {
            throw new IllegalArgumentException(from + " cannot become " + to);
        }
        String[] wanted = ids.toArray(String[]::new);
        return client.preparedQuery("""
                WITH moved AS (
                  UPDATE enforcement SET status = $3, decided_by = $4, updated_at = now()
                  WHERE id = ANY($1::varchar[]) AND status = $2 RETURNING *),
                audited AS (
                  INSERT INTO enforcement_audit (enforcement_id, from_status, to_status, actor, note)
                  SELECT id, $2, $3, $4, $5 FROM moved)
                SELECT * FROM moved ORDER BY created_at, id""")
                .execute(Tuple.from(List.of(wanted, from.name(), to.name(), actor, note)))
                .map(EnforcementRepository::toList);
    }

    private static List<Enforcement> toList(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Enforcement> list = new ArrayList<>();
        rows.forEach(row -> list.add(toEnforcement(row)));
        return list;
    }

    /**
     * Accounts among the given ones with an enforcement in flight: PROPOSED or HELD, or APPLIED
     * while the ledger's outcome has not moved the account's strikes yet (until then the account
     * still looks unwarned, and proposing again would give it a second first strike).
     */
    public Uni<Set<String>> accountsWithOpenEnforcement(Collection<String> accounts) {
        return pool.preparedQuery("""
                SELECT e.account_id FROM enforcement e LEFT JOIN account_state s ON s.account_id = e.account_id
                WHERE e.account_id = ANY($1::varchar[])
                  AND (e.status IN ('PROPOSED', 'HELD') OR (e.status = 'APPLIED' AND e.strike > COALESCE(s.strikes, 0)))""")
                .execute(Tuple.of(accounts.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> open = new HashSet<>();
                    rows.forEach(row -> open.add(row.getString(0)));
                    return open;
                });
    }

    public Uni<List<AuditLine>> audit(String id) {
        return pool.preparedQuery("SELECT from_status, to_status, actor, note, at FROM enforcement_audit WHERE enforcement_id = $1 ORDER BY id")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<AuditLine> lines = new ArrayList<>();
                    rows.forEach(r -> lines.add(new AuditLine(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                            r.getOffsetDateTime(4).toInstant())));
                    return lines;
                });
    }

    /** One move of an enforcement, as the audit trail has it. */
    public record AuditLine(String from, String to, String actor, String note, Instant at) {
    }

    /** Every move of the given enforcements, oldest first. */
    public Uni<List<MemberAuditLine>> audit(Collection<String> ids) {
        return pool.preparedQuery("""
                SELECT enforcement_id, from_status, to_status, actor, note, at FROM enforcement_audit
                WHERE enforcement_id = ANY($1::varchar[]) ORDER BY at, id""")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    List<MemberAuditLine> lines = new ArrayList<>();
                    rows.forEach(r -> lines.add(new MemberAuditLine(r.getOffsetDateTime(5).toInstant(), r.getString(3), r.getString(0),
                            r.getString(1), r.getString(2), r.getString(4))));
                    return lines;
                });
    }

    /** One move of one of several enforcements (a case's members). */
    public record MemberAuditLine(Instant at, String actor, String enforcementId, String from, String to, String note) {
    }

    private static Uni<Void> audit(SqlClient client, String id, String from, String to, String actor, String note) {
        return client.preparedQuery("INSERT INTO enforcement_audit (enforcement_id, from_status, to_status, actor, note) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.from(java.util.Arrays.asList(id, from, to, actor, note))).replaceWithVoid();
    }

    private static Enforcement toEnforcement(Row row) {
        List<ReceiverImpact> receivers = Json.readList(row.getValue("receivers"), new TypeReference<List<ReceiverImpact>>() {
        });
        String groupId = row.getString("group_id");
        return new Enforcement(row.getString("id"), row.getString("account_id"), EnforcementAction.valueOf(row.getString("action")),
                row.getInteger("strike"), EnforcementStatus.valueOf(row.getString("status")), Json.strings(row.getValue("reasons")), row.getString("model_version"),
                row.getString("decided_by"), Json.read(row.getValue("scope"), EnforcementScope.class), receivers,
                row.getString("held_reason"),
                new Removed(row.getLong("removed_follows"), row.getLong("removed_likes"), row.getLong("removed_comments")),
                groupId == null || groupId.isEmpty() ? null : groupId,
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant(), row.getString("case_id"));
    }
}
