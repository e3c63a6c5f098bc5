package dev.integrity.ingest.repository;

import static dev.integrity.ingest.model.CountDeltas.Column.COMMENTS_GIVEN;
import static dev.integrity.ingest.model.CountDeltas.Column.COMMENTS_RECEIVED;
import static dev.integrity.ingest.model.CountDeltas.Column.FOLLOWERS;
import static dev.integrity.ingest.model.CountDeltas.Column.FOLLOWING;
import static dev.integrity.ingest.model.CountDeltas.Column.LIKES_GIVEN;
import static dev.integrity.ingest.model.CountDeltas.Column.LIKES_RECEIVED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.EnforcementScope;
import dev.integrity.contract.enforcement.Impact;
import dev.integrity.contract.EventType;
import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.LockstepWindow;
import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.ingest.model.ActiveEdge;
import dev.integrity.ingest.model.CountDeltas;
import dev.integrity.ingest.model.CountDeltas.Column;
import dev.integrity.ingest.model.ScopedEngagement;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Enforcements on the ledger: what a scope covers (impact, changing nothing), applying it as a
 * soft removal stamped with the enforcement id, and reverting it exactly. Each runs in one
 * transaction holding the acting account's lock, so it never interleaves with that account's
 * ledger batches. Applying or reverting twice changes nothing the second time.
 */
@ApplicationScoped
public class EnforcementLedger {

    private static final ObjectMapper JSON = EventJson.mapper();

    /**
     * Edges the scope covers: the account's active engagement in the window, through a named app, or
     * of the window's kind of action to a lockstep window's target within that window (a window with
     * no kind, from before windows had one, covers every kind).
     */
    private static final String SCOPE_FILTER = """
             AND t.created_at >= $2 AND t.created_at <= $3
             AND ((t.third_party AND t.client_app_id = ANY($4::varchar[]))
                  OR EXISTS (SELECT 1 FROM unnest($5::varchar[], $6::timestamptz[], $7::timestamptz[], $8::varchar[]) AS l(target, wfrom, wto, kind)
                             WHERE l.target = %s AND (l.kind = '' OR l.kind = '%s') AND t.created_at BETWEEN l.wfrom AND l.wto))""";

    private static final String SCOPED_FOLLOWS = "SELECT t.id, t.followee_id FROM follow_edge t WHERE t.follower_id = $1"
            + " AND t.ended_at IS NULL AND t.removed_by IS NULL\n" + SCOPE_FILTER.formatted("t.followee_id", EventType.FOLLOW) + " FOR UPDATE";
    private static final String SCOPED_LIKES = "SELECT t.id, t.owner_id FROM like_edge t WHERE t.account_id = $1"
            + " AND t.ended_at IS NULL AND t.removed_by IS NULL\n" + SCOPE_FILTER.formatted("t.owner_id", EventType.LIKE) + " FOR UPDATE";
    private static final String SCOPED_COMMENTS = "SELECT t.id, t.owner_id FROM comment t WHERE t.account_id = $1"
            + " AND t.removed_by IS NULL\n" + SCOPE_FILTER.formatted("t.owner_id", EventType.COMMENT) + " FOR UPDATE";

    /** The longest an impact waits for the ledger to catch up with its proposal. */
    private static final Duration LEDGER_WAIT = Duration.ofSeconds(10);

    private final Pool pool;
    private final ActionOutbox actions;
    private final Clock clock;

    public EnforcementLedger(Pool pool, ActionOutbox actions, Clock clock) {
        this.pool = pool;
        this.actions = actions;
        this.clock = clock;
    }

    /**
     * Scoring may propose from events the ledger has not written yet (both consume account-events,
     * each at its own pace). An impact computed then would miss engagement and slip past the guard,
     * so an impact waits (by failing, to be retried) until the ledger has the account's events up to
     * the scope's end; once the proposal is older than {@link #LEDGER_WAIT} it goes ahead with what
     * the ledger has.
     *
     * @param sentAtMs when the proposal was sent (its record's timestamp)
     */
    public Uni<Void> caughtUpWith(EnforcementScope scope, long sentAtMs) {
        if (scope.to() == null || clock.millis() - sentAtMs > LEDGER_WAIT.toMillis()) {
            return Uni.createFrom().voidItem();
        }
        return hasEventsUpTo(scope.accountId(), scope.to()).chain(ready -> ready
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new IllegalStateException("the ledger has not caught up with " + scope.accountId() + " yet")));
    }

    /** True once the ledger has taken the account's events up to the given event time. */
    private Uni<Boolean> hasEventsUpTo(String accountId, Instant time) {
        return pool.preparedQuery("SELECT COALESCE(max(occurred_at) >= $2, false) FROM processed_event WHERE account_id = $1")
                .execute(Tuple.of(accountId, Sql.time(time)))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** What the scope would remove now, per receiving account; records the scope for later look-ups. */
    public Uni<Impact> impact(EnforcementScope scope) {
        return pool.withTransaction(conn -> LedgerRepository.lockAccounts(conn, Set.of(scope.accountId()))
                .chain(() -> recordProposal(conn, scope))
                .chain(() -> scoped(conn, scope))
                .chain(engagement -> impactOf(conn, scope, engagement)));
    }

    /** Applies the scope as a soft removal. Idempotent: an applied or reverted enforcement is left as it is. */
    public Uni<EnforcementOutcome> apply(EnforcementScope scope) {
        return pool.withTransaction(conn -> LedgerRepository.lockAccounts(conn, Set.of(scope.accountId()))
                .chain(() -> recordProposal(conn, scope))
                .chain(() -> status(conn, scope.enforcementId()))
                .chain(status -> {
                    if (status != EnforcementStatus.PROPOSED) {
                        return storedOutcome(conn, scope.enforcementId());
                    }
                    return scoped(conn, scope).chain(engagement -> impactOf(conn, scope, engagement)
                            .chain(impact -> stamp(conn, scope.enforcementId(), engagement)
                                    .chain(() -> LedgerRepository.applyDeltas(conn, removalDeltas(scope.accountId(), engagement, -1)))
                                    .chain(() -> actions.hide(conn, scope.enforcementId(), scope.accountId(), scope.action(), engagement))
                                    .chain(() -> markApplied(conn, scope, impact))
                                    .chain(() -> storedOutcome(conn, scope.enforcementId()))));
                }));
    }

    /**
     * Restores every edge the enforcement removed, and the counts with them. An edge the account
     * re-created meanwhile stays as it is and the removed one is closed as SUPERSEDED; an edge the
     * account ended meanwhile (unfollow, unlike) stays ended. Idempotent; unknown ids give null.
     */
    public Uni<EnforcementOutcome> revert(String enforcementId) {
        return pool.withTransaction(conn -> accountOf(conn, enforcementId).chain(account -> {
            if (account == null) {
                return Uni.createFrom().nullItem();
            }
            return LedgerRepository.lockAccounts(conn, Set.of(account))
                    .chain(() -> status(conn, enforcementId))
                    .chain(status -> {
                        if (status != EnforcementStatus.APPLIED) {
                            return storedOutcome(conn, enforcementId);
                        }
                        return restore(conn, enforcementId)
                                .chain(restored -> LedgerRepository.applyDeltas(conn, removalDeltas(account, restored, +1))
                                        .chain(() -> actions.restore(conn, enforcementId))
                                        .chain(() -> conn.preparedQuery("""
                                                UPDATE enforcement_application SET status = 'REVERTED', reverted_at = now()
                                                WHERE enforcement_id = $1""").execute(Tuple.of(enforcementId)))
                                        .chain(() -> storedOutcome(conn, enforcementId)));
                    });
        }));
    }

    /**
     * Late-arriving engagement: edges that reached the ledger after one of the account's enforcements
     * was applied, and fall within its scope (through a flagged app or in its lockstep windows, before
     * the decision), are removed now, stamped with that enforcement (so its revert restores them),
     * counted in its removals and published as HIDE actions. Answers the outcomes that changed, to be
     * reported again. Idempotent: an edge already removed is not in scope any more.
     */
    public Uni<List<EnforcementOutcome>> applyLate(Collection<String> accounts) {
        if (accounts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("SELECT enforcement_id FROM enforcement_application WHERE account_id = ANY($1::varchar[]) AND status = 'APPLIED'")
                .execute(Tuple.of(accounts.toArray(String[]::new)))
                .chain(rows -> {
                    List<String> applied = new ArrayList<>();
                    rows.forEach(row -> applied.add(row.getString(0)));
                    Uni<List<EnforcementOutcome>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (String id : applied) {
                        chain = chain.chain(changed -> topUp(id).map(outcome -> {
                            if (outcome != null) {
                                changed.add(outcome);
                            }
                            return changed;
                        }));
                    }
                    return chain;
                });
    }

    private Uni<EnforcementOutcome> topUp(String enforcementId) {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT account_id, scope FROM enforcement_application WHERE enforcement_id = $1")
                .execute(Tuple.of(enforcementId))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    EnforcementScope scope = readScope(row.getValue("scope").toString());
                    return LedgerRepository.lockAccounts(conn, Set.of(scope.accountId()))
                            .chain(() -> status(conn, enforcementId))
                            .chain(status -> status != EnforcementStatus.APPLIED ? Uni.createFrom().<EnforcementOutcome> nullItem()
                                    : scoped(conn, scope).chain(late -> late.isEmpty() ? Uni.createFrom().<EnforcementOutcome> nullItem()
                                            : stamp(conn, enforcementId, late)
                                                    .chain(() -> LedgerRepository.applyDeltas(conn, removalDeltas(scope.accountId(), late, -1)))
                                                    .chain(() -> actions.hide(conn, enforcementId, scope.accountId(), EnforcementAction.REMOVE_AND_WARN, late))
                                                    .chain(() -> conn.preparedQuery("""
                                                            UPDATE enforcement_application SET follows_removed = follows_removed + $2,
                                                              likes_removed = likes_removed + $3, comments_removed = comments_removed + $4
                                                            WHERE enforcement_id = $1""").execute(Tuple.of(enforcementId, (long) late.follows().size(),
                                                            (long) late.likes().size(), (long) late.comments().size())))
                                                    .chain(() -> storedOutcome(conn, enforcementId))));
                }));
    }

    /** The impact of an enforcement: as recorded when applied, or as it would be now if not applied yet. */
    public Uni<List<ReceiverImpact>> receivers(String enforcementId) {
        return pool.withConnection(conn -> conn.preparedQuery(
                "SELECT status, scope, impact FROM enforcement_application WHERE enforcement_id = $1")
                .execute(Tuple.of(enforcementId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row row = rows.iterator().next();
                    if (row.getValue("impact") != null) {
                        return Uni.createFrom().item(readReceivers(row.getValue("impact").toString()));
                    }
                    EnforcementScope scope = readScope(row.getValue("scope").toString());
                    return scoped(conn, scope, false).chain(engagement -> impactOf(conn, scope, engagement))
                            .map(Impact::receivers);
                }));
    }

    private Uni<Void> recordProposal(SqlClient conn, EnforcementScope scope) {
        return conn.preparedQuery("""
                INSERT INTO enforcement_application (enforcement_id, account_id, action, status, scope)
                VALUES ($1, $2, $3, 'PROPOSED', $4) ON CONFLICT (enforcement_id) DO NOTHING""")
                .execute(Tuple.of(scope.enforcementId(), scope.accountId(), scope.action().name(), new JsonObject(write(scope))))
                .replaceWithVoid();
    }

    private Uni<EnforcementStatus> status(SqlClient conn, String enforcementId) {
        return conn.preparedQuery("SELECT status FROM enforcement_application WHERE enforcement_id = $1")
                .execute(Tuple.of(enforcementId))
                .map(rows -> rows.size() == 0 ? null : EnforcementStatus.valueOf(rows.iterator().next().getString(0)));
    }

    private Uni<String> accountOf(SqlClient conn, String enforcementId) {
        return conn.preparedQuery("SELECT account_id FROM enforcement_application WHERE enforcement_id = $1")
                .execute(Tuple.of(enforcementId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    private Uni<ScopedEngagement> scoped(SqlClient conn, EnforcementScope scope) {
        return scoped(conn, scope, true);
    }

    private Uni<ScopedEngagement> scoped(SqlClient conn, EnforcementScope scope, boolean lockRows) {
        Tuple params = scopeParams(scope);
        return edges(conn, lockRows ? SCOPED_FOLLOWS : withoutLock(SCOPED_FOLLOWS), params)
                .chain(follows -> edges(conn, lockRows ? SCOPED_LIKES : withoutLock(SCOPED_LIKES), params)
                        .chain(likes -> edges(conn, lockRows ? SCOPED_COMMENTS : withoutLock(SCOPED_COMMENTS), params)
                                .map(comments -> new ScopedEngagement(follows, likes, comments))));
    }

    private static String withoutLock(String sql) {
        return sql.replace(" FOR UPDATE", "");
    }

    private Tuple scopeParams(EnforcementScope scope) {
        List<LockstepWindow> windows = scope.lockstep();
        return Tuple.tuple()
                .addString(scope.accountId())
                .addOffsetDateTime(Sql.time(scope.from() == null ? Instant.EPOCH : scope.from()))
                .addOffsetDateTime(Sql.time(scope.to() == null ? Instant.now(clock) : scope.to()))
                .addArrayOfString(scope.apps().toArray(String[]::new))
                .addArrayOfString(Sql.strings(windows, LockstepWindow::targetAccountId))
                .addArrayOfOffsetDateTime(Sql.times(windows, LockstepWindow::from))
                .addArrayOfOffsetDateTime(Sql.times(windows, LockstepWindow::to))
                .addArrayOfString(Sql.strings(windows, w -> w.kind() == null ? "" : w.kind().name()));
    }

    private static Uni<List<ActiveEdge>> edges(SqlClient conn, String sql, Tuple params) {
        return conn.preparedQuery(sql).execute(params).map(EnforcementLedger::toEdges);
    }

    private static List<ActiveEdge> toEdges(RowSet<Row> rows) {
        List<ActiveEdge> edges = new ArrayList<>(rows.size());
        rows.forEach(row -> edges.add(new ActiveEdge(row.getLong(0), row.getString(1))));
        return edges;
    }

    private Uni<Impact> impactOf(SqlClient conn, EnforcementScope scope, ScopedEngagement engagement) {
        Map<String, long[]> perReceiver = new TreeMap<>(); // follows, likes, comments
        count(perReceiver, engagement.follows(), 0);
        count(perReceiver, engagement.likes(), 1);
        count(perReceiver, engagement.comments(), 2);
        // Followers before: the ledger's count, or the platform's (latest profile snapshot) when larger.
        return conn.preparedQuery("SELECT account_id, GREATEST(followers, profile_followers) FROM account_counts WHERE account_id = ANY($1::varchar[])")
                .execute(Tuple.of(perReceiver.keySet().toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Long> followers = new HashMap<>();
                    rows.forEach(row -> followers.put(row.getString(0), row.getLong(1)));
                    List<ReceiverImpact> receivers = new ArrayList<>(perReceiver.size());
                    perReceiver.forEach((account, removed) -> {
                        long before = followers.getOrDefault(account, 0L);
                        receivers.add(new ReceiverImpact(account, before, before - removed[0], removed[1], removed[2]));
                    });
                    Removed removed = new Removed(engagement.follows().size(), engagement.likes().size(), engagement.comments().size());
                    return new Impact(scope.enforcementId(), scope.accountId(), removed, receivers);
                });
    }

    private static void count(Map<String, long[]> perReceiver, List<ActiveEdge> edges, int kind) {
        edges.forEach(edge -> perReceiver.computeIfAbsent(edge.owner(), a -> new long[3])[kind]++);
    }

    private static Uni<Void> stamp(SqlClient conn, String enforcementId, ScopedEngagement engagement) {
        return stampTable(conn, "follow_edge", enforcementId, engagement.follows())
                .chain(() -> stampTable(conn, "like_edge", enforcementId, engagement.likes()))
                .chain(() -> stampTable(conn, "comment", enforcementId, engagement.comments()));
    }

    private static Uni<Void> stampTable(SqlClient conn, String table, String enforcementId, List<ActiveEdge> edges) {
        return Sql.unnest(conn, "UPDATE " + table + " SET removed_by = $1 WHERE id = ANY($2::int8[])", edges.size(),
                enforcementId, Sql.longs(edges, ActiveEdge::id)).replaceWithVoid();
    }

    /** Restores removed edges; answers the ones restored (superseded and ended edges are not). */
    private static Uni<ScopedEngagement> restore(SqlClient conn, String enforcementId) {
        Tuple id = Tuple.of(enforcementId);
        return conn.preparedQuery("""
                UPDATE follow_edge f SET removed_by = NULL
                WHERE f.removed_by = $1 AND f.ended_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM follow_edge g WHERE g.follower_id = f.follower_id AND g.followee_id = f.followee_id
                                  AND g.ended_at IS NULL AND g.removed_by IS NULL)
                RETURNING f.id, f.followee_id""").execute(id).map(EnforcementLedger::toEdges)
                .chain(follows -> conn.preparedQuery("""
                        UPDATE like_edge l SET removed_by = NULL
                        WHERE l.removed_by = $1 AND l.ended_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM like_edge g WHERE g.account_id = l.account_id AND g.media_id = l.media_id
                                          AND g.ended_at IS NULL AND g.removed_by IS NULL)
                        RETURNING l.id, l.owner_id""").execute(id).map(EnforcementLedger::toEdges)
                        .chain(likes -> conn.preparedQuery(
                                "UPDATE comment SET removed_by = NULL WHERE removed_by = $1 RETURNING id, owner_id")
                                .execute(id).map(EnforcementLedger::toEdges)
                                .chain(comments -> conn.preparedQuery("""
                                        UPDATE follow_edge SET ended_at = now(), end_reason = 'SUPERSEDED'
                                        WHERE removed_by = $1 AND ended_at IS NULL""").execute(id)
                                        .chain(() -> conn.preparedQuery("""
                                                UPDATE like_edge SET ended_at = now(), end_reason = 'SUPERSEDED'
                                                WHERE removed_by = $1 AND ended_at IS NULL""").execute(id))
                                        .map(ignored -> new ScopedEngagement(follows, likes, comments)))));
    }

    /** Count changes of removing (sign -1) or restoring (+1) the given engagement of an account. */
    private static CountDeltas removalDeltas(String account, ScopedEngagement engagement, int sign) {
        CountDeltas deltas = new CountDeltas();
        add(deltas, account, engagement.follows(), FOLLOWING, FOLLOWERS, sign);
        add(deltas, account, engagement.likes(), LIKES_GIVEN, LIKES_RECEIVED, sign);
        add(deltas, account, engagement.comments(), COMMENTS_GIVEN, COMMENTS_RECEIVED, sign);
        return deltas;
    }

    private static void add(CountDeltas deltas, String account, List<ActiveEdge> edges, Column given, Column received, int sign) {
        for (ActiveEdge edge : edges) {
            deltas.add(account, given, sign);
            deltas.add(edge.owner(), received, sign);
        }
    }

    /** Marks the enforcement applied, with what it removed and the scope it was applied with (late arrivals are judged by it). */
    private Uni<Void> markApplied(SqlClient conn, EnforcementScope scope, Impact impact) {
        return conn.preparedQuery("""
                UPDATE enforcement_application SET status = 'APPLIED', applied_at = now(), impact = $2,
                  follows_removed = $3, likes_removed = $4, comments_removed = $5, scope = $6
                WHERE enforcement_id = $1""")
                .execute(Tuple.tuple().addString(impact.enforcementId()).addValue(new io.vertx.core.json.JsonArray(write(impact.receivers())))
                        .addLong(impact.removed().follows()).addLong(impact.removed().likes()).addLong(impact.removed().comments())
                        .addValue(new JsonObject(write(scope))))
                .replaceWithVoid();
    }

    private Uni<EnforcementOutcome> storedOutcome(SqlClient conn, String enforcementId) {
        return conn.preparedQuery("""
                SELECT account_id, action, status, scope, follows_removed, likes_removed, comments_removed,
                       COALESCE(reverted_at, applied_at, proposed_at) AS at
                FROM enforcement_application WHERE enforcement_id = $1""")
                .execute(Tuple.of(enforcementId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    String status = row.getString("status");
                    if (EnforcementStatus.valueOf(status) == EnforcementStatus.PROPOSED) {
                        return null;
                    }
                    EnforcementScope scope = readScope(row.getValue("scope").toString());
                    return new EnforcementOutcome(enforcementId, row.getString("account_id"), EnforcementAction.valueOf(row.getString("action")),
                            scope.strike(), EnforcementOutcome.Status.valueOf(status),
                            new Removed(row.getLong("follows_removed"), row.getLong("likes_removed"), row.getLong("comments_removed")),
                            scope.apps(), row.getOffsetDateTime("at").toInstant());
                });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EnforcementScope readScope(String json) {
        try {
            return JSON.readValue(json, EnforcementScope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scope is unreadable", e);
        }
    }

    private static List<ReceiverImpact> readReceivers(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<ReceiverImpact>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored impact is unreadable", e);
        }
    }
}
