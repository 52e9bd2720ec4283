package io.footfall.accelerate.duckdb;

import io.footfall.query.SqlText;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.store.FoldingStore;

import java.sql.SQLException;

/** Whether a website has events of some type the rollups do not hold yet (the tail; see docs/rollups.md). */
final class Tail {
    private Tail() {
    }

    /**
     * The pending keys of a {@code *_pending} view for one website, as a parenthesized sub-query taking the
     * website id as its one parameter. Materialized: over the view's unknown size the engine would hash the
     * whole rollup on the other side of an IN instead (seconds, not milliseconds, while a tail exists).
     */
    static String ids(String pendingView, String key) {
        return "(WITH pk AS MATERIALIZED (SELECT DISTINCT p." + key + " FROM " + pendingView + " p WHERE p.website_id = ?) SELECT pk." + key
                + " FROM pk)";
    }

    static boolean has(EventStore store, EventScope scope, String typeCondition) throws SQLException {
        if (!FoldingStore.hasTail(store, scope.websiteId())) return false;
        SqlText sql = new SqlText().add("SELECT EXISTS (SELECT 1 FROM event_tail e WHERE e.website_id = ? AND " + typeCondition + ")",
                scope.websiteId());
        return store.read(c -> sql.list(c, rs -> rs.getBoolean(1)).getFirst());
    }
}
