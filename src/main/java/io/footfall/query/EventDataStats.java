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
        if (scope.params().filters().isEmpty()) {
            // Without filters the events add nothing: data rows carry their event's time, and only
            // pageviews and custom events (never web vitals) have data.
            QueryParams p = scope.params();
            sql.add(" FROM event_data d WHERE d.website_id = ? AND d.created_at BETWEEN ? AND ?", scope.websiteId(), p.startAt(), p.endAt());
        } else {
            sql.add(EventDataJoin.FROM).addAll(EventDataJoin.where(scope, SessionList.ACTIVITY));
        }
        return store.read(c -> sql.list(c, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).getFirst());
    }
}
