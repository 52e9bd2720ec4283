package io.footfall.accelerate.duckdb;

import io.footfall.query.SqlText;
import io.footfall.query.QueryParams;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.store.HourGap;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Visitors (distinct sessions with views) of an unfiltered range through the hourly rollup, in any zone: the
 * series of {@link HourlySeries} with one bucket, the range itself. A session counts in the whole UTC hours
 * inside the range at its first hour there (its previous hour with views lies before them); {@code hour_gap}
 * holds those rows pre-counted. The partial hours at either end, and sessions with pending rows, come from
 * events, each session added only when no rollup row counted it already. Cheaper than a distinct count over
 * a short range's visits, where most sessions are cut by the range and the session rollup cannot help.
 */
final class HourlyVisitors {
    private HourlyVisitors() {
    }

    /** True without filters when the range holds a whole UTC hour and is shorter than the gaps' cap. */
    static boolean covers(QueryParams p) {
        Instant[] h = HourlySeries.wholeHours(p);
        return p.filters().isEmpty() && h[0].isBefore(h[1]) && Duration.between(h[0], h[1]).toHours() < HourGap.CAP;
    }

    static long count(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        Instant[] h = HourlySeries.wholeHours(p);
        boolean pending = HourlySeries.pending(store, scope);
        String pendingIds = Tail.ids("session_hour_pending", "session_id");
        // First rows in the whole hours: a session's one row there whose previous view hour lies before them.
        String firstRows = "FROM session_hour h WHERE h.website_id = ? AND h.views > 0 AND h.hour >= ? AND h.hour < ? "
                + "AND (h.prev_hour IS NULL OR h.prev_hour < ?)";
        SqlText sql = new SqlText().add("WITH x AS " + scope.dialect().materialized() + "(SELECT DISTINCT t.session_id FROM (")
                .addAll(HourlySeries.edgeViews(scope, h, pending)).add(") t) SELECT (SELECT coalesce(sum(g.rows), 0) "
                        + "FROM hour_gap g WHERE g.website_id = ? AND g.hour >= ? AND g.hour < ? AND g.gap > "
                        + scope.dialect().hoursBetween("?::TIMESTAMP", "g.hour") + ")", scope.websiteId(), h[0], h[1], h[0]);
        if (pending) { // pending sessions' folded rows come out: x counts those sessions from their events
            sql.add(" - (SELECT count(*) " + firstRows + " AND h.session_id IN " + pendingIds + ")",
                    scope.websiteId(), h[0], h[1], h[0], scope.websiteId());
        }
        if (h[0].equals(p.startAt())) {
            // No partial hour at the start (a dashboard's range starts on the hour and ends at .999): x holds the
            // sessions with views in the last, partial hour h1 (and pending ones). Such a session (not pending)
            // has its row at h1, and the rollup counted it iff that row's previous view hour lies in [h0, h1):
            // one hour's rows to read instead of the range's rows of every session in x.
            sql.add(" + (SELECT count(*) FROM x) - (SELECT count(*) FROM session_hour h WHERE h.website_id = ? AND h.hour = ? "
                    + "AND h.views > 0 AND h.prev_hour >= ? AND h.session_id IN (SELECT session_id FROM x)", scope.websiteId(), h[1], h[0]);
            if (pending) sql.add(" AND h.session_id NOT IN " + pendingIds, scope.websiteId());
            sql.add(")");
        } else {
            sql.add(" + (SELECT count(*) FROM x WHERE x.session_id NOT IN (SELECT h.session_id " + firstRows
                    + " AND h.session_id IN (SELECT session_id FROM x)", scope.websiteId(), h[0], h[1], h[0]);
            if (pending) sql.add(" AND h.session_id NOT IN " + pendingIds, scope.websiteId());
            sql.add("))");
        }
        return store.read(c -> sql.list(c, rs -> rs.getLong(1)).getFirst());
    }
}
