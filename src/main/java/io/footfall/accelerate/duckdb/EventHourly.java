package io.footfall.accelerate.duckdb;

import io.footfall.query.Filter;
import io.footfall.query.SqlText;
import io.footfall.query.QueryParams;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;

/**
 * Custom-event counts through the hourly rollup ({@code event_hour}): whole UTC hours in the range are
 * summed from it, the partial hours at either end read from events, and so are events not folded yet.
 * Counts add up, so the parts simply add. Serves the events series, the event metric and the event and
 * name totals when every filter is on the event name and the zone's offsets are whole hours.
 */
final class EventHourly {
    private EventHourly() {
    }

    static boolean covers(QueryParams p) {
        for (Filter f : p.filters()) {
            if (!f.column().equals("event_name")) return false;
        }
        return HourlySeries.wholeHourZone(p);
    }

    /**
     * Rows {@code (x, b, n)}: event name, the bucket expression over the row's time ({@code bucket} true) or
     * NULL, and a count, over the parts that together hold each custom event in the range once.
     */
    static SqlText rows(EventStore store, EventScope scope, boolean bucket) throws SQLException {
        QueryParams p = scope.params();
        Instant[] h = HourlySeries.wholeHours(p);
        SqlText s = new SqlText().add("SELECT h.event_name AS x, ").addAll(bucketOf(scope, "h.hour", bucket))
                .add(" AS b, h.events AS n FROM event_hour h WHERE h.website_id = ? AND h.hour >= ? AND h.hour < ?", scope.websiteId(), h[0], h[1])
                .addAll(scope.filters("h"));
        s.add(" UNION ALL ").addAll(events(scope, "event", bucket)).add(" AND e.created_at >= ? AND e.created_at < ?", p.startAt(), h[0]);
        s.add(" UNION ALL ").addAll(events(scope, "event", bucket)).add(" AND e.created_at >= ? AND e.created_at <= ?", h[1], p.endAt());
        if (Tail.has(store, scope, EventScope.CUSTOM_EVENTS)) {
            s.add(" UNION ALL ").addAll(events(scope, "event_tail", bucket)).add(" AND e.created_at >= ? AND e.created_at < ?", h[0], h[1]);
        }
        return s;
    }

    private static SqlText events(EventScope scope, String table, boolean bucket) {
        return new SqlText().add("SELECT e.event_name, ").addAll(bucketOf(scope, "e.created_at", bucket))
                .add(", 1 FROM " + table + " e WHERE e.website_id = ? AND " + EventScope.CUSTOM_EVENTS, scope.websiteId())
                .addAll(scope.filters("e"));
    }

    private static SqlText bucketOf(EventScope scope, String time, boolean bucket) {
        return bucket ? scope.bucket(time) : new SqlText().add("NULL");
    }
}
