package io.footfall.query.reference;

import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/** Runs one reference statement on the store (each reference read is a single statement over raw tables). */
final class Raw {
    private Raw() {
    }

    static <T> List<T> list(EventStore store, SqlText sql, SqlText.RowMapper<T> mapper) throws SQLException {
        return store.read(c -> sql.list(c, mapper));
    }

    static long number(EventStore store, SqlText sql) throws SQLException {
        return list(store, sql, rs -> rs.getLong(1)).getFirst();
    }
}
