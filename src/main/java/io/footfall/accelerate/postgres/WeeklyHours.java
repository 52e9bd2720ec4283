package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.TimeUnit;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The sessions page's weekly heatmap without filters (distinct sessions with views per local day of week and hour)
 * from {@code session_hour_view} (V12): a UTC hour that lies whole inside the range and inside one local hour gives its
 * rows that hour's cell; the other hours (the range's cut ends, DST changes off the hour) read their events as the
 * reference does. Null when most hours would be cut (zones with half-hour offsets): the reference answers those.
 */
final class WeeklyHours {

    private WeeklyHours() {
    }

    /** Without filters, when at most half the range's hours are cut by it or by a local hour's boundary. */
    static boolean answers(QueryParams p) {
        return p.filters().isEmpty() && SpanSeries.cutHours(p, TimeUnit.HOUR) != null;
    }

    static long[][] run(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        if (!answers(p)) return null;
        List<Instant> cut = SpanSeries.cutHours(p, TimeUnit.HOUR);
        Dialect d = scope.dialect();
        SqlText sql = new SqlText().add("SELECT " + d.dayOfWeek("t.l") + ", " + d.hourOfDay("t.l") + ", count(DISTINCT t.session_id) FROM (SELECT ")
                .addAll(scope.localTime("r.hour", p.zone()))
                .add(" AS l, r.session_id FROM session_hour_view r WHERE r.website_id = ? AND r.hour >= ? AND r.hour <= ? "
                                + "AND r.hour NOT IN (SELECT unnest(string_to_array(?, ',')::timestamp[])) UNION ALL SELECT ",
                        scope.websiteId(), p.startAt().truncatedTo(ChronoUnit.HOURS), p.endAt(), SpanSeries.hourList(cut))
                .addAll(scope.localTime("e.created_at", p.zone()))
                .add(", e.session_id FROM event e WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + EventScope.VIEWS + " AND ",
                        scope.websiteId(), p.startAt(), p.endAt())
                .addAll(SpanSeries.cutRanges(cut))
                .add(") t GROUP BY 1, 2");
        long[][] matrix = new long[7][24];
        store.read(c -> sql.list(c, rs -> {
            matrix[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
            return null;
        }));
        return matrix;
    }
}
