package io.footfall.query;

import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/**
 * The hour-of-week heatmap: distinct sessions per local day of week (0 = Sunday) and hour (0–23) in
 * the request's time zone, as a 7 × 24 matrix with zeros where nothing happened.
 */
public final class SessionWeekly {
    private SessionWeekly() {
    }

    public static long[][] run(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        SqlText local = scope.localTime("e.created_at", scope.params().zone());
        SqlText sql = new SqlText().add("SELECT " + d.dayOfWeek("t.local_at") + " AS dow, " + d.hourOfDay("t.local_at")
                        + " AS hr, count(DISTINCT t.session_id) FROM (SELECT ")
                .addAll(local).add(" AS local_at, e.session_id FROM event e")
                .addAll(scope.where(SessionList.ACTIVITY))
                .add(") t GROUP BY 1, 2");
        long[][] matrix = new long[7][24];
        store.read(c -> sql.list(c, rs -> {
            matrix[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
            return null;
        }));
        return matrix;
    }
}
