package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;

/** Whether a website has events of some type the rollups do not hold yet (the tail; see docs/rollups.md). */
final class Tail {
    private Tail() {
    }

    static boolean has(EventStore store, EventScope scope, String typeCondition) throws SQLException {
        if (!store.hasTail(scope.websiteId())) return false;
        SqlText sql = new SqlText().add("SELECT EXISTS (SELECT 1 FROM event_tail e WHERE e.website_id = ? AND " + typeCondition + ")",
                scope.websiteId());
        return store.read(c -> sql.list(c, rs -> rs.getBoolean(1)).getFirst());
    }
}
