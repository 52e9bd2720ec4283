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
        SqlText sql = new SqlText().add("SELECT count(DISTINCT d.event_id), count(DISTINCT d.data_key), count(*)");
        sql.addAll(EventDataJoin.fromWhere(scope, SessionList.ACTIVITY));
        return store.read(c -> sql.list(c, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).getFirst());
    }
}
