package dev.integrity.ingest.repository;

import static dev.integrity.ingest.repository.Sql.booleans;
import static dev.integrity.ingest.repository.Sql.longs;
import static dev.integrity.ingest.repository.Sql.strings;
import static dev.integrity.ingest.repository.Sql.times;
import static dev.integrity.ingest.repository.Sql.unnest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.ingest.model.ActiveEdge;
import dev.integrity.ingest.model.CountDeltas;
import dev.integrity.ingest.model.EdgeKey;
import dev.integrity.ingest.model.LedgerPlan;
import dev.integrity.ingest.service.LedgerPlanner;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes batches of events into the activity ledger: one transaction and a fixed number of
 * set-based statements per batch, whatever its size. Idempotent on eventId (processed_event).
 * <p>
 * Plain reactive SQL rather than Hibernate entities: the hot path is bulk inserts, conditional
 * updates and count upserts over unnested arrays, which an ORM would turn into a statement per row.
 */
@ApplicationScoped
public class LedgerRepository {

    /** First key of the advisory locks that serialise ledger writes per acting account. */
    static final int ACCOUNT_LOCK_SPACE = 7301;

    private final Pool pool;
    private final LedgerPlanner planner;

    public LedgerRepository(Pool pool, LedgerPlanner planner) {
        this.pool = pool;
        this.planner = planner;
    }

    /** Records a batch; answers how many of its events were new. */
    public Uni<Integer> record(List<AccountEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Statements that do not need each other's answers go out together: the client pipelines them
        // on the transaction's connection, PostgreSQL still runs them one after the other in that order.
        return pool.withTransaction(conn -> Uni.combine().all().unis(lockAccounts(conn, actors(events)), markProcessed(conn, events))
                .with((locked, fresh) -> onlyNew(events, fresh))
                .chain(news -> Uni.combine().all().unis(loadActiveFollows(conn, news), loadActiveLikes(conn, news))
                        .with((follows, likes) -> planner.plan(news, follows, likes))
                        .chain(plan -> write(conn, plan))
                        .replaceWith(news.size())));
    }

    /** The ids among the given ones that the ledger has already taken: idempotency when Redis lost its keys. */
    public Uni<Set<String>> alreadyProcessed(List<String> eventIds) {
        return unnest(pool, "SELECT event_id FROM processed_event WHERE event_id = ANY($1::varchar[])", eventIds.size(),
                (Object) eventIds.toArray(String[]::new))
                .map(rows -> {
                    Set<String> seen = new HashSet<>();
                    if (rows != null) {
                        rows.forEach(row -> seen.add(row.getString(0)));
                    }
                    return seen;
                });
    }

    /** Serialises writers of the same accounts (ledger batches and enforcements), in a fixed order. */
    static Uni<Void> lockAccounts(SqlClient conn, Set<String> accounts) {
        return conn.preparedQuery("SELECT pg_advisory_xact_lock($1, h) FROM "
                + "(SELECT DISTINCT hashtext(a) AS h FROM unnest($2::varchar[]) AS a ORDER BY 1) s")
                .execute(Tuple.of(ACCOUNT_LOCK_SPACE, accounts.toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static Set<String> actors(List<AccountEvent> events) {
        Set<String> actors = new TreeSet<>();
        events.forEach(e -> actors.add(e.accountId()));
        return actors;
    }

    private Uni<Set<String>> markProcessed(SqlConnection conn, List<AccountEvent> events) {
        return unnest(conn, """
                INSERT INTO processed_event (event_id, account_id, type, occurred_at)
                SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[])
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id""", events.size(),
                strings(events, AccountEvent::eventId), strings(events, AccountEvent::accountId),
                strings(events, e -> e.type().name()), times(events, AccountEvent::occurredAt))
                .map(rows -> {
                    Set<String> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getString(0)));
                    return fresh;
                });
    }

    private static List<AccountEvent> onlyNew(List<AccountEvent> events, Set<String> fresh) {
        List<AccountEvent> news = new ArrayList<>(fresh.size());
        for (AccountEvent event : events) {
            if (fresh.remove(event.eventId())) {
                news.add(event);
            }
        }
        return news;
    }

    private Uni<Map<EdgeKey, ActiveEdge>> loadActiveFollows(SqlConnection conn, List<AccountEvent> events) {
        return loadActive(conn, events, EventType.FOLLOW, EventType.UNFOLLOW, AccountEvent::targetAccountId, """
                SELECT f.id, f.follower_id, f.followee_id, f.followee_id FROM follow_edge f
                JOIN (SELECT DISTINCT * FROM unnest($1::varchar[], $2::varchar[])) AS p(a, b)
                  ON f.follower_id = p.a AND f.followee_id = p.b
                WHERE f.ended_at IS NULL AND f.removed_by IS NULL""");
    }

    private Uni<Map<EdgeKey, ActiveEdge>> loadActiveLikes(SqlConnection conn, List<AccountEvent> events) {
        return loadActive(conn, events, EventType.LIKE, EventType.UNLIKE, AccountEvent::mediaId, """
                SELECT l.id, l.account_id, l.media_id, l.owner_id FROM like_edge l
                JOIN (SELECT DISTINCT * FROM unnest($1::varchar[], $2::varchar[])) AS p(a, m)
                  ON l.account_id = p.a AND l.media_id = p.m
                WHERE l.ended_at IS NULL AND l.removed_by IS NULL""");
    }

    /**
     * The active edges for the pairs the batch's events of the two types touch, keyed by
     * (actor, object). The query answers id, actor, object and owner, in that order.
     */
    private static Uni<Map<EdgeKey, ActiveEdge>> loadActive(SqlConnection conn, List<AccountEvent> events, EventType start,
            EventType end, java.util.function.Function<AccountEvent, String> object, String sql) {
        List<AccountEvent> touching = events.stream().filter(e -> e.type() == start || e.type() == end).toList();
        return unnest(conn, sql, touching.size(), strings(touching, AccountEvent::accountId), strings(touching, object))
                .map(rows -> {
                    Map<EdgeKey, ActiveEdge> active = new HashMap<>();
                    if (rows != null) {
                        for (Row row : rows) {
                            active.put(new EdgeKey(row.getString(1), row.getString(2)), new ActiveEdge(row.getLong(0), row.getString(3)));
                        }
                    }
                    return active;
                });
    }

    /**
     * Writes a plan. Edges ended by this batch are ended before new ones are inserted: a pair
     * unfollowed and followed again in one batch must not have two active edges, even for a moment
     * (the unique index on active pairs would refuse the insert).
     */
    private Uni<Void> write(SqlConnection conn, LedgerPlan plan) {
        // One pipelined flight: every statement is sent in this order without waiting for the one before.
        return Uni.combine().all().unis(List.<Uni<?>> of(
                unnest(conn, """
                        UPDATE follow_edge f SET ended_at = t.ended, end_reason = 'UNFOLLOWED'
                        FROM unnest($1::int8[], $2::timestamptz[]) AS t(id, ended) WHERE f.id = t.id""",
                        plan.endedFollows.size(), longs(plan.endedFollows, e -> e.id()), times(plan.endedFollows, e -> e.endedAt())),
                unnest(conn, """
                        UPDATE follow_edge f SET ended_at = now(), end_reason = 'UNFOLLOWED'
                        FROM unnest($1::varchar[], $2::varchar[]) AS p(a, b)
                        WHERE f.follower_id = p.a AND f.followee_id = p.b AND f.ended_at IS NULL AND f.removed_by IS NOT NULL""",
                        plan.unfollowedWhileRemoved.size(), strings(plan.unfollowedWhileRemoved, EdgeKey::actor),
                        strings(plan.unfollowedWhileRemoved, EdgeKey::object)),
                unnest(conn, """
                        INSERT INTO follow_edge (follower_id, followee_id, created_at, event_id, client_app_id, third_party, ended_at, end_reason)
                        SELECT a, b, c, e, app, tp, ended, CASE WHEN ended IS NULL THEN NULL ELSE 'UNFOLLOWED' END
                        FROM unnest($1::varchar[], $2::varchar[], $3::timestamptz[], $4::varchar[], $5::varchar[], $6::bool[], $7::timestamptz[])
                          AS t(a, b, c, e, app, tp, ended)""", plan.newFollows.size(),
                        strings(plan.newFollows, n -> n.key.actor()), strings(plan.newFollows, n -> n.owner),
                        times(plan.newFollows, n -> n.createdAt), strings(plan.newFollows, n -> n.eventId),
                        strings(plan.newFollows, n -> n.clientAppId), booleans(plan.newFollows, n -> n.thirdParty),
                        times(plan.newFollows, n -> n.endedAt)),
                unnest(conn, """
                        UPDATE like_edge l SET ended_at = t.ended, end_reason = 'UNLIKED'
                        FROM unnest($1::int8[], $2::timestamptz[]) AS t(id, ended) WHERE l.id = t.id""",
                        plan.endedLikes.size(), longs(plan.endedLikes, e -> e.id()), times(plan.endedLikes, e -> e.endedAt())),
                unnest(conn, """
                        UPDATE like_edge l SET ended_at = now(), end_reason = 'UNLIKED'
                        FROM unnest($1::varchar[], $2::varchar[]) AS p(a, m)
                        WHERE l.account_id = p.a AND l.media_id = p.m AND l.ended_at IS NULL AND l.removed_by IS NOT NULL""",
                        plan.unlikedWhileRemoved.size(), strings(plan.unlikedWhileRemoved, EdgeKey::actor),
                        strings(plan.unlikedWhileRemoved, EdgeKey::object)),
                unnest(conn, """
                        INSERT INTO like_edge (account_id, media_id, owner_id, created_at, event_id, client_app_id, third_party, ended_at, end_reason)
                        SELECT a, m, o, c, e, app, tp, ended, CASE WHEN ended IS NULL THEN NULL ELSE 'UNLIKED' END
                        FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::varchar[], $6::varchar[], $7::bool[], $8::timestamptz[])
                          AS t(a, m, o, c, e, app, tp, ended)""", plan.newLikes.size(),
                        strings(plan.newLikes, n -> n.key.actor()), strings(plan.newLikes, n -> n.key.object()),
                        strings(plan.newLikes, n -> n.owner), times(plan.newLikes, n -> n.createdAt),
                        strings(plan.newLikes, n -> n.eventId), strings(plan.newLikes, n -> n.clientAppId),
                        booleans(plan.newLikes, n -> n.thirdParty), times(plan.newLikes, n -> n.endedAt)),
                unnest(conn, """
                        INSERT INTO comment (account_id, media_id, owner_id, created_at, event_id, client_app_id, third_party, text)
                        SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::varchar[], $6::varchar[], $7::bool[], $8::text[])
                        ON CONFLICT (event_id) DO NOTHING""", plan.comments.size(),
                        strings(plan.comments, AccountEvent::accountId), strings(plan.comments, AccountEvent::mediaId),
                        strings(plan.comments, AccountEvent::targetAccountId), times(plan.comments, AccountEvent::occurredAt),
                        strings(plan.comments, AccountEvent::eventId), strings(plan.comments, AccountEvent::clientAppId),
                        booleans(plan.comments, e -> planner.isThirdParty(e.clientAppId())), strings(plan.comments, AccountEvent::text)),
                applyDeltas(conn, plan.deltas),
                unnest(conn, """
                        INSERT INTO account_counts AS c (account_id, profile_followers)
                        SELECT * FROM unnest($1::varchar[], $2::int8[])
                        ON CONFLICT (account_id) DO UPDATE SET profile_followers = EXCLUDED.profile_followers""",
                        plan.profileFollowers.size(), plan.profileFollowers.keySet().toArray(String[]::new),
                        plan.profileFollowers.values().toArray(Long[]::new))))
                .discardItems();
    }

    /** Adds count changes, accounts in a fixed order so that concurrent writers never deadlock. */
    static Uni<Void> applyDeltas(SqlClient conn, CountDeltas deltas) {
        Map<String, long[]> sorted = new TreeMap<>(deltas.byAccount());
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(sorted.entrySet());
        return unnest(conn, """
                INSERT INTO account_counts AS c (account_id, followers, following, likes_given, likes_received, comments_given, comments_received)
                SELECT * FROM unnest($1::varchar[], $2::int8[], $3::int8[], $4::int8[], $5::int8[], $6::int8[], $7::int8[])
                ON CONFLICT (account_id) DO UPDATE SET
                  followers = c.followers + EXCLUDED.followers,
                  following = c.following + EXCLUDED.following,
                  likes_given = c.likes_given + EXCLUDED.likes_given,
                  likes_received = c.likes_received + EXCLUDED.likes_received,
                  comments_given = c.comments_given + EXCLUDED.comments_given,
                  comments_received = c.comments_received + EXCLUDED.comments_received""", rows.size(),
                strings(rows, Map.Entry::getKey), column(rows, 0), column(rows, 1), column(rows, 2),
                column(rows, 3), column(rows, 4), column(rows, 5))
                .replaceWithVoid();
    }

    private static Long[] column(List<Map.Entry<String, long[]>> rows, int index) {
        return longs(rows, e -> e.getValue()[index]);
    }
}
