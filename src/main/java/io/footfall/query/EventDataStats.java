package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;

/** Event data totals in a range: events carrying data, distinct property names, and data rows. */
public final class EventDataStats {
    private EventDataStats() {
    }

    public record Totals(long events, long properties, long records) {
    }

    public static Totals run(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT count(DISTINCT d.event_id), count(DISTINCT d.data_key), count(*) FROM event e "
                        + "JOIN event_data d ON d.website_id = e.website_id AND d.event_id = e.event_id")
                .addAll(scope.where(SessionList.ACTIVITY));
        return store.read(c -> sql.list(c, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).getFirst());
    }
}
