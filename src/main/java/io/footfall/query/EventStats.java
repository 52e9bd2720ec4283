package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;

/** Custom-event totals over a range: events, distinct sessions, distinct visits and distinct event names. */
public final class EventStats {
    private EventStats() {
    }

    public record Totals(long events, long visitors, long visits, long uniqueEvents) {
    }

    public static Totals run(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT count(*), count(DISTINCT e.session_id), count(DISTINCT e.visit_id), "
                        + "count(DISTINCT e.event_name) FROM event e")
                .addAll(scope.where(EventScope.CUSTOM_EVENTS));
        return store.read(c -> sql.list(c, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).getFirst());
    }
}
