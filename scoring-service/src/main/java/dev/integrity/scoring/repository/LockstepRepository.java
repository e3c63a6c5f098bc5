package dev.integrity.scoring.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.enforcement.LockstepWindow;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Lockstep groups in PostgreSQL: members found together join one group, whichever replica finds them. */
@ApplicationScoped
public class LockstepRepository {

    private final Pool pool;

    public LockstepRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Puts the members in one group: the existing group holding most of them, else a new one. Groups
     * that formed apart (two deciders each saw part of a farm first) and now turn out to share members
     * are merged into that one, so that a group's member list and its members' states agree.
     * Answers the group's id.
     */
    public Uni<String> join(List<String> members, List<LockstepWindow> windows) {
        String[] ids = members.toArray(String[]::new);
        JsonArray targets = new JsonArray(windows.stream().map(LockstepWindow::targetAccountId).distinct().toList());
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock(7302, 0)").execute()
                .chain(() -> conn.preparedQuery(
                        "SELECT group_id FROM lockstep_member WHERE account_id = ANY($1::varchar[]) GROUP BY group_id ORDER BY count(*) DESC, group_id")
                        .execute(Tuple.of(ids)))
                .chain(rows -> {
                    List<String> existing = new ArrayList<>();
                    rows.forEach(r -> existing.add(r.getString(0)));
                    if (!existing.isEmpty()) {
                        String kept = existing.get(0);
                        if (existing.size() == 1) {
                            return Uni.createFrom().item(kept);
                        }
                        String[] merged = existing.subList(1, existing.size()).toArray(String[]::new);
                        return conn.preparedQuery("UPDATE lockstep_member SET group_id = $1 WHERE group_id = ANY($2::varchar[])")
                                .execute(Tuple.of(kept, merged))
                                .chain(() -> conn.preparedQuery("UPDATE lockstep_group SET member_count = 0, updated_at = now() WHERE id = ANY($1::varchar[])")
                                        .execute(Tuple.of((Object) merged)))
                                .replaceWith(kept);
                    }
                    String id = "g-" + UUID.randomUUID().toString().substring(0, 12);
                    return conn.preparedQuery("INSERT INTO lockstep_group (id, targets) VALUES ($1, $2)")
                            .execute(Tuple.of(id, targets)).replaceWith(id);
                })
                .chain(groupId -> conn.preparedQuery("""
                        INSERT INTO lockstep_member (account_id, group_id)
                        SELECT a, $2 FROM unnest($1::varchar[]) AS a ON CONFLICT (account_id) DO NOTHING""")
                        .execute(Tuple.of(ids, groupId))
                        .chain(() -> conn.preparedQuery("""
                                UPDATE lockstep_group SET updated_at = now(),
                                  member_count = (SELECT count(*) FROM lockstep_member WHERE group_id = $1)
                                WHERE id = $1""").execute(Tuple.of(groupId)))
                        .replaceWith(groupId)));
    }

    /** A group's members, or an empty list. */
    public Uni<List<String>> members(String groupId) {
        return pool.preparedQuery("SELECT account_id FROM lockstep_member WHERE group_id = $1 ORDER BY account_id")
                .execute(Tuple.of(groupId))
                .map(rows -> {
                    List<String> members = new java.util.ArrayList<>();
                    rows.forEach(r -> members.add(r.getString(0)));
                    return members;
                });
    }
}
