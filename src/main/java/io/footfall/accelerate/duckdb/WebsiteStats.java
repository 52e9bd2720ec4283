package io.footfall.accelerate.duckdb;

import io.footfall.query.QueryParams;
import io.footfall.query.Parallel;
import io.footfall.query.SqlText;
import io.footfall.query.WebsiteTotals;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/**
 * WebsiteTotals of views over a range: pageviews, visitors (sessions), visits, bounces (visits with exactly one
 * view) and totaltime (per visit, last minus first view, in whole seconds, summed). Filters apply to
 * the rows before grouping, so a path filter counts visits touching that path.
 */
public final class WebsiteStats {
    private WebsiteStats() {
    }

    public static WebsiteTotals run(EventStore store, EventScope scope, QueryOptions options) throws SQLException {
        if (SpanRollup.covers(scope.params())) return fromRollup(store, scope, options);
        var d = scope.dialect();
        SqlText sql = new SqlText().add("SELECT coalesce(sum(t.c), 0), count(DISTINCT t.session_id), count(*), "
                        + "coalesce(sum(CASE WHEN t.c = 1 THEN 1 ELSE 0 END), 0), coalesce(sum(t.secs), 0) FROM ("
                        + "SELECT " + d.anyValue("e.session_id") + " AS session_id, count(*) AS c, "
                        + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " AS secs FROM event e")
                .addAll(scope.where(EventScope.VIEWS))
                .add(" GROUP BY e.visit_id) t"); // visit ids are unique across sessions
        return store.read(c -> sql.list(c, rs -> new WebsiteTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5))).getFirst());
    }

    /**
     * Views, visits, bounces and seconds of an unfiltered range, as a sum of parts: visits whose first view
     * lies in the range (whole UTC days from {@code visit_day}), less the edge visits among them (found
     * through narrow windows), plus the edge visits grouped from their events. The visits starting in the
     * range that are not edges lie wholly in it, so this equals the clean visits plus the edges.
     */
    private static SqlText visitsByDay(EventScope scope, SpanRollup r) {
        var d = scope.dialect();
        QueryParams p = scope.params();
        String secs = d.secondsBetween("v.first_at", "v.last_at");
        String rows = "SELECT sum(v.views) AS pv, count(*) AS n, count(*) FILTER (WHERE v.views = 1) AS b, sum(" + secs + ") AS s "
                + "FROM visit v WHERE v.website_id = ?";
        SqlText sql = new SqlText().add("SELECT coalesce(sum(t.pv), 0), coalesce(sum(t.n), 0), coalesce(sum(t.b), 0), coalesce(sum(t.s), 0), 0 FROM (")
                .addAll(WholeDays.startingIn(p, "v.first_at",
                        days -> new SqlText().add("SELECT sum(y.views) AS pv, sum(y.visits) AS n, sum(y.bounces) AS b, sum(y.secs) AS s "
                                + "FROM visit_day y WHERE y.website_id = ? AND y.day >= ? AND y.day < ?", scope.websiteId(), days[0], days[1]),
                        window -> new SqlText().add(rows, scope.websiteId()).addAll(window), "-neg.pv, -neg.n, -neg.b, -neg.s"));
        for (SqlText w : r.edgeRowWheres(true)) {
            sql.add(" UNION ALL SELECT -sum(v.views), -count(*), -count(*) FILTER (WHERE v.views = 1), -sum(" + secs + ") FROM visit v")
                    .addAll(w).add(" AND v.first_at BETWEEN ? AND ?", p.startAt(), p.endAt());
        }
        for (SqlText w : r.edgeEventWheres(true)) {
            sql.add(" UNION ALL SELECT sum(g.c), count(*), count(*) FILTER (WHERE g.c = 1), sum(g.secs) FROM (SELECT count(*) AS c, "
                    + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " AS secs FROM event e").addAll(w).add(" GROUP BY e.visit_id) g");
        }
        return sql.add(") t");
    }

    /**
     * The same totals from the rollups: views, visits, bounces and time from the visit rollup and its day
     * totals, visitors from the hourly rollup ({@link HourlyVisitors}) or, where it cannot answer, from the
     * session rollup (a count of rows instead of a distinct count); edges from events. Filtered ranges (no day
     * totals carry attributes), and short ones the hourly rollup cannot answer, sum their visits' rows and
     * count visitors distinct over them.
     */
    static WebsiteTotals fromRollup(EventStore store, EventScope scope, QueryOptions options) throws SQLException {
        SpanRollup r = SpanRollup.open(store, scope, SpanRollup.VISITS, options);
        boolean filtered = !scope.params().filters().isEmpty();
        boolean shortRange = java.time.Duration.between(scope.params().startAt(), scope.params().endAt()).toDays() < options.shortRangeDays();
        // Visitors through the hourly rollup when it can answer (QUERY_HOURLY_VISITORS=false: through the session
        // rollup instead, for tests of that way).
        boolean hourly = options.hourlyVisitors() && HourlyVisitors.covers(scope.params());
        if (!filtered && (!shortRange || hourly)) {
            SqlText sql = visitsByDay(scope, r);
            var both = Parallel.both(() -> store.read(c -> sql.list(c, WebsiteStats::sums).getFirst()),
                    () -> hourly ? HourlyVisitors.count(store, scope) : SessionCounts.visitors(store, scope, EventScope.VIEWS, options));
            long[] v = both.first();
            return new WebsiteTotals(v[0], both.second(), v[1], v[2], v[3]);
        }
        // Filtered ranges, and short ones without the hourly rollup: visitors as a distinct count over their
        // visits (measured: cheaper than the session rollup's rows beside the visits' sums, even over 90 days).
        SqlText sql = visitRows(scope, r);
        long[] v = store.read(c -> sql.list(c, WebsiteStats::sums).getFirst());
        return new WebsiteTotals(v[0], v[4], v[1], v[2], v[3]);
    }

    /** Views, visits, bounces, seconds and distinct sessions over the clean visits' rows (filters apply) and the edge visits' events. */
    private static SqlText visitRows(EventScope scope, SpanRollup r) {
        var d = scope.dialect();
        SqlText sql = new SqlText().add("SELECT coalesce(sum(t.c), 0), count(*), coalesce(sum(CASE WHEN t.c = 1 THEN 1 ELSE 0 END), 0), "
                        + "coalesce(sum(t.secs), 0), count(DISTINCT t.session_id) FROM (SELECT v.session_id, v.views AS c, "
                        + d.secondsBetween("v.first_at", "v.last_at") + " AS secs FROM visit v")
                .addAll(r.cleanWhere());
        for (SqlText w : r.edgeEventWheres(true)) {
            sql.add(" UNION ALL SELECT " + d.anyValue("e.session_id") + ", count(*), "
                            + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " FROM event e")
                    .addAll(w).add(" GROUP BY e.visit_id"); // visit ids are unique across sessions
        }
        return sql.add(") t");
    }

    private static long[] sums(java.sql.ResultSet rs) throws SQLException {
        return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
    }
}
