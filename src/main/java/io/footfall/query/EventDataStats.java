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
        // An event's data rows are numbered from 0 (V17): counting the first ones counts the events.
        SqlText sql = new SqlText().add("SELECT count(*) FILTER (WHERE d.data_index = 0), count(DISTINCT d.data_key), count(*)");
        sql.addAll(EventDataJoin.fromWhere(scope, EventScope.ACTIVITY));
        return store.read(c -> sql.list(c, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).getFirst());
    }
}
