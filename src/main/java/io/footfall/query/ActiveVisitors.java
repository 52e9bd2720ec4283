package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;

/** Distinct sessions with any event in the scope's range (the last five minutes for {@code /active}). */
public final class ActiveVisitors {
    private ActiveVisitors() {
    }

    public static long run(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT count(DISTINCT e.session_id) FROM event e").addAll(scope.where(EventScope.ANY_TYPE));
        return store.read(c -> sql.list(c, rs -> rs.getLong(1)).getFirst());
    }
}
