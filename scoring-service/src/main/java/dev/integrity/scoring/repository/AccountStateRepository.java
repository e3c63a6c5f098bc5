package dev.integrity.scoring.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.scoring.model.AccountState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Account risk state: read and written a batch at a time (one statement each way). Writes are
 * optimistic: each state carries the version it was read at, and a batch in which any row has
 * moved on since is refused whole with {@link StaleStateException}, for the caller to redo.
 */
@ApplicationScoped
public class AccountStateRepository {

    private static final String COLUMNS = "account_id, status, strikes, enforcement_count, risk_score, model_version, reasons, "
            + "flagged_apps, warned_at, repeat_engagement, password_changed_at, revoked_apps, group_id";
    private static final String ROW_FIELDS = COLUMNS + ", version";

    private final Pool pool;

    public AccountStateRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<String, AccountState>> load(Collection<String> accounts) {
        return pool.preparedQuery("SELECT " + ROW_FIELDS + " FROM account_state WHERE account_id = ANY($1::varchar[])")
                .execute(Tuple.of(accounts.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, AccountState> states = new HashMap<>();
                    rows.forEach(row -> states.put(row.getString("account_id"), toState(row)));
                    return states;
                });
    }

    public Uni<AccountState> find(String accountId) {
        return load(List.of(accountId)).map(states -> states.get(accountId));
    }

    /** Writes the states in one statement, unless one of them was read at an older version than stored. */
    public Uni<Void> saveAll(SqlClient client, Collection<AccountState> states) {
        if (states.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("INSERT INTO account_state (" + ROW_FIELDS + ", updated_at) SELECT " + COLUMNS
                + ", version + 1, now() FROM jsonb_populate_recordset(NULL::account_state, $1::text::jsonb) ON CONFLICT (account_id) DO UPDATE SET "
                + "status = EXCLUDED.status, strikes = EXCLUDED.strikes, enforcement_count = EXCLUDED.enforcement_count, "
                + "risk_score = EXCLUDED.risk_score, model_version = EXCLUDED.model_version, reasons = EXCLUDED.reasons, "
                + "flagged_apps = EXCLUDED.flagged_apps, warned_at = EXCLUDED.warned_at, repeat_engagement = EXCLUDED.repeat_engagement, "
                + "password_changed_at = EXCLUDED.password_changed_at, revoked_apps = EXCLUDED.revoked_apps, "
                + "group_id = EXCLUDED.group_id, version = EXCLUDED.version, updated_at = now() "
                + "WHERE account_state.version = EXCLUDED.version - 1")
                .execute(Tuple.of(Json.write(states)))
                .invoke(rows -> {
                    if (rows.rowCount() < states.size()) {
                        throw new StaleStateException(states.size() - rows.rowCount());
                    }
                }).replaceWithVoid();
    }

    public Uni<Void> saveAll(Collection<AccountState> states) {
        return saveAll(pool, states);
    }

    private static AccountState toState(Row row) {
        return new AccountState(row.getString("account_id"), AccountStatus.valueOf(row.getString("status")), row.getInteger("strikes"),
                row.getInteger("enforcement_count"), row.getDouble("risk_score"), row.getString("model_version"),
                Json.strings(row.getValue("reasons")), Json.strings(row.getValue("flagged_apps")), instant(row, "warned_at"),
                row.getInteger("repeat_engagement"), instant(row, "password_changed_at"), Json.strings(row.getValue("revoked_apps")),
                row.getString("group_id"), row.getLong("version"));
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
