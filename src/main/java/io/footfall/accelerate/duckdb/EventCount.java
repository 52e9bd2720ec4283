package io.footfall.accelerate.duckdb;

import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;

/**
 * The number of events of every type in an unfiltered range (the events list's total): whole UTC hours from
 * the per-hour, per-type counts ({@code event_type_hour}, V19), which hold the folded events; the partial
 * hours at either end, and the whole hours' events not folded yet, counted in the event table. Counting a
 * long range row by row reads the website of every event in it.
 */
final class EventCount {
    private EventCount() {
    }

    /** True without filters or a search when the range holds a whole UTC hour. */
    static boolean covers(QueryParams p) {
        Instant[] h = HourlySeries.wholeHours(p);
        return p.filters().isEmpty() && p.search() == null && h[0].isBefore(h[1]);
    }

    /** One row, one column: the count. */
    static SqlText sql(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        Instant[] h = HourlySeries.wholeHours(p);
        SqlText sql = new SqlText()
                .add("SELECT (SELECT coalesce(sum(y.events), 0) FROM event_type_hour y WHERE y.website_id = ? AND y.hour >= ? AND y.hour < ?)",
                        scope.websiteId(), h[0], h[1])
                .add(" + (SELECT count(*) FROM event e WHERE e.website_id = ? AND e.created_at >= ? AND e.created_at < ?)",
                        scope.websiteId(), p.startAt(), h[0])
                .add(" + (SELECT count(*) FROM event e WHERE e.website_id = ? AND e.created_at >= ? AND e.created_at <= ?)",
                        scope.websiteId(), h[1], p.endAt());
        if (Tail.has(store, scope, "TRUE")) {
            sql.add(" + (SELECT count(*) FROM event_tail e WHERE e.website_id = ? AND e.created_at >= ? AND e.created_at < ?)",
                    scope.websiteId(), h[0], h[1]);
        }
        return sql;
    }
}
