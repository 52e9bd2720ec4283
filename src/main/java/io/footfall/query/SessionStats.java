package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;

/**
 * The sessions page totals. As real Umami, {@code pageviews} counts every tracked row (custom events
 * included); {@code events} counts custom events only. Web-vitals rows count nowhere.
 */
public final class SessionStats {
    private SessionStats() {
    }

    public record Totals(long pageviews, long visitors, long visits, long countries, long events) {
    }

    public static Totals run(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT count(*), count(DISTINCT e.session_id), count(DISTINCT e.visit_id), "
                        + "count(DISTINCT e.country), coalesce(sum(CASE WHEN e.event_type = 2 THEN 1 ELSE 0 END), 0) FROM event e")
                .addAll(scope.where(SessionList.ACTIVITY));
        return store.read(c -> sql.list(c, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5))).getFirst());
    }
}
