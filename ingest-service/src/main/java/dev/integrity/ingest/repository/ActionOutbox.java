package dev.integrity.ingest.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.action.ActionType;
import dev.integrity.contract.action.PlatformAction;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.ingest.model.ActiveEdge;
import dev.integrity.ingest.model.ScopedEngagement;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The outbox of platform actions (table platform_action), written inside the ledger's own
 * transactions: what an enforcement hides is exactly what it stamped, and a revert restores exactly
 * what it hid. Inserts take a transaction-level advisory lock first, so that seq order is commit
 * order and a reader paging by seq never skips a row that commits late.
 */
@ApplicationScoped
public class ActionOutbox {

    /** The advisory lock (class, id) that orders inserts. */
    private static final String ORDER_LOCK = "SELECT pg_advisory_xact_lock(7301, 1)";

    private static final String HIDE = """
            INSERT INTO platform_action (action_id, enforcement_id, type, account_id, target_account_id, media_id, source_event_id)
            SELECT platform_action_id($1, '%1$s', t.event_id), $1, '%1$s', %2$s, %3$s, %4$s, t.event_id
            FROM %5$s t WHERE t.id = ANY($2::int8[]) ORDER BY t.id
            ON CONFLICT (action_id) DO NOTHING""";
    private static final String HIDE_FOLLOWS = HIDE.formatted(ActionType.HIDE_FOLLOW, "t.follower_id", "t.followee_id", "NULL", "follow_edge");
    private static final String HIDE_LIKES = HIDE.formatted(ActionType.HIDE_LIKE, "t.account_id", "t.owner_id", "t.media_id", "like_edge");
    private static final String HIDE_COMMENTS = HIDE.formatted(ActionType.HIDE_COMMENT, "t.account_id", "t.owner_id", "t.media_id", "comment");

    private final Pool pool;

    public ActionOutbox(Pool pool) {
        this.pool = pool;
    }

    /** Within the apply's transaction: one HIDE per stamped edge, and BLOCK_ACCOUNT for a block. */
    Uni<Void> hide(SqlClient conn, String enforcementId, String accountId, EnforcementAction action, ScopedEngagement stamped) {
        Uni<Void> chain = conn.query(ORDER_LOCK).execute().replaceWithVoid()
                .chain(() -> edges(conn, HIDE_FOLLOWS, enforcementId, stamped.follows()))
                .chain(() -> edges(conn, HIDE_LIKES, enforcementId, stamped.likes()))
                .chain(() -> edges(conn, HIDE_COMMENTS, enforcementId, stamped.comments()));
        if (action == EnforcementAction.BLOCK) {
            chain = chain.chain(() -> conn.preparedQuery("""
                    INSERT INTO platform_action (action_id, enforcement_id, type, account_id)
                    VALUES (platform_action_id($1, $3, $2), $1, $3, $2) ON CONFLICT (action_id) DO NOTHING""")
                    .execute(Tuple.of(enforcementId, accountId, ActionType.BLOCK_ACCOUNT.name())).replaceWithVoid());
        }
        return chain;
    }

    /** Within the revert's transaction: the inverse of every action the enforcement took, in its order. */
    Uni<Void> restore(SqlClient conn, String enforcementId) {
        StringBuilder inverse = new StringBuilder("CASE type");
        for (ActionType t : ActionType.values()) {
            if (t.removes()) {
                inverse.append(" WHEN '").append(t).append("' THEN '").append(t.inverse()).append('\'');
            }
        }
        inverse.append(" END");
        String removing = String.join(", ", List.of(ActionType.values()).stream().filter(ActionType::removes).map(t -> "'" + t + "'").toList());
        return conn.query(ORDER_LOCK).execute().chain(() -> conn.preparedQuery("""
                INSERT INTO platform_action (action_id, enforcement_id, type, account_id, target_account_id, media_id, source_event_id)
                SELECT platform_action_id(enforcement_id, %1$s, COALESCE(source_event_id, account_id)), enforcement_id, %1$s,
                       account_id, target_account_id, media_id, source_event_id
                FROM platform_action WHERE enforcement_id = $1 AND type IN (%2$s) ORDER BY seq
                ON CONFLICT (action_id) DO NOTHING""".formatted(inverse, removing)).execute(Tuple.of(enforcementId))).replaceWithVoid();
    }

    /** Actions after seq {@code after}, oldest first, at most {@code limit}. */
    public Uni<List<Sequenced>> page(long after, int limit) {
        return pool.preparedQuery("""
                SELECT seq, action_id, enforcement_id, type, account_id, target_account_id, media_id, source_event_id, decided_at
                FROM platform_action WHERE seq > $1 ORDER BY seq LIMIT $2""")
                .execute(Tuple.of(after, limit)).map(rows -> {
                    List<Sequenced> page = new ArrayList<>(rows.size());
                    rows.forEach(row -> page.add(new Sequenced(row.getLong("seq"), toAction(row))));
                    return page;
                });
    }

    /** Every action of one enforcement, in order. */
    public Uni<List<PlatformAction>> ofEnforcement(String enforcementId) {
        return pool.preparedQuery("""
                SELECT seq, action_id, enforcement_id, type, account_id, target_account_id, media_id, source_event_id, decided_at
                FROM platform_action WHERE enforcement_id = $1 ORDER BY seq""")
                .execute(Tuple.of(enforcementId)).map(rows -> {
                    List<PlatformAction> all = new ArrayList<>(rows.size());
                    rows.forEach(row -> all.add(toAction(row)));
                    return all;
                });
    }

    /** An action with its place in the outbox. */
    public record Sequenced(long seq, PlatformAction action) {
    }

    static PlatformAction toAction(Row row) {
        return new PlatformAction(row.getString("action_id"), row.getString("enforcement_id"), ActionType.valueOf(row.getString("type")),
                row.getString("account_id"), row.getString("target_account_id"), row.getString("media_id"), row.getString("source_event_id"),
                row.getOffsetDateTime("decided_at").toInstant());
    }

    private static Uni<Void> edges(SqlClient conn, String sql, String enforcementId, List<ActiveEdge> edges) {
        return Sql.unnest(conn, sql, edges.size(), enforcementId, Sql.longs(edges, ActiveEdge::id)).replaceWithVoid();
    }
}
