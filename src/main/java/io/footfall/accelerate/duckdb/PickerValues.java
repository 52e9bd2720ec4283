package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.FilterValues;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The filter pickers' values ({@link FilterValues}: events per value in the range, most first) of a kind that
 * {@code event_value_day} (V52, {@link EventValueDays}) counts, over a range holding a whole UTC day: the whole days'
 * folded events from its rows plus their events not folded yet, and the partial days at either end from the event table
 * ({@link WholeDays}: a partial day longer than half a day is its whole day less the rest of it). Counting a 90-day
 * range event by event groups every event of it by value (~60–100 ms on 10 M events).
 */
final class PickerValues {
    private PickerValues() {
    }

    /** True when the rollup counts {@code column} and the range holds a whole UTC day. */
    static boolean covers(String column, QueryParams p) {
        Instant[] d = WholeDays.of(p);
        return EventValueDays.forColumn(column) != null && d[0].isBefore(d[1]);
    }

    static List<Map<String, Object>> run(EventStore store, EventScope scope, String column, String search) throws SQLException {
        EventValueDays.Kind kind = EventValueDays.forColumn(column);
        String rows = kind.rows().replace("s.", "e.");
        boolean pending = Tail.has(store, scope, rows);
        String events = "SELECT e." + column + " AS value, count(*) AS n FROM ";
        SqlText parts = WholeDays.startingIn(scope.params(), "e.created_at", days -> {
            SqlText s = new SqlText().add("SELECT y.value, y.events AS n FROM " + EventValueDays.TABLE
                    + " y WHERE y.website_id = ? AND y.kind = ? AND y.day >= ? AND y.day < ?", scope.websiteId(), kind.kind().code, days[0], days[1]);
            if (pending) {
                s.add(" UNION ALL " + events + Rollups.TAIL + " e WHERE e.website_id = ? AND " + rows + " AND e.created_at >= ? AND e.created_at < ? GROUP BY 1",
                        scope.websiteId(), days[0], days[1]);
            }
            return s;
        }, window -> new SqlText().add(events + "event e WHERE e.website_id = ? AND " + rows, scope.websiteId()).addAll(window).add(" GROUP BY 1"),
                "neg.value, -neg.n");
        SqlText sql = new SqlText().add("SELECT g.value, CAST(sum(g.n) AS BIGINT) AS count FROM (").addAll(parts).add(") g WHERE 1 = 1");
        if (search != null) sql.addAll(FilterValues.searchCondition("g.value", search));
        // A value whose events all lie in the part of a partial day's whole-day total that is taken out again sums to 0.
        sql.add(" GROUP BY 1 HAVING sum(g.n) > 0 ORDER BY 2 DESC, 1 LIMIT " + FilterValues.LIMIT);
        return FilterValues.read(store, sql);
    }
}
