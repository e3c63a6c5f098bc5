package dev.integrity.ingest.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Small helpers for set-based SQL: columns as arrays, sent once and unnested by PostgreSQL. */
final class Sql {

    private Sql() {
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static <T> String[] strings(Collection<T> items, Function<T, String> column) {
        return items.stream().map(column).toArray(String[]::new);
    }

    static <T> OffsetDateTime[] times(Collection<T> items, Function<T, Instant> column) {
        return items.stream().map(column).map(Sql::time).toArray(OffsetDateTime[]::new);
    }

    static <T> Boolean[] booleans(Collection<T> items, Function<T, Boolean> column) {
        return items.stream().map(column).toArray(Boolean[]::new);
    }

    static <T> Long[] longs(Collection<T> items, Function<T, Long> column) {
        return items.stream().map(column).toArray(Long[]::new);
    }

    /** Runs a statement whose parameters are whole columns; skipped when there are no rows. */
    static Uni<RowSet<Row>> unnest(SqlClient client, String sql, int rows, Object... columns) {
        if (rows == 0) {
            return Uni.createFrom().nullItem();
        }
        return client.preparedQuery(sql).execute(Tuple.from(List.of(columns)));
    }
}
