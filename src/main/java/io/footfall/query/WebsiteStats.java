package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;

/**
 * Totals of views over a range: pageviews, visitors (sessions), visits, bounces (visits with exactly one
 * view) and totaltime (per visit, last minus first view, in whole seconds, summed). Filters apply to
 * the rows before grouping, so a path filter counts visits touching that path.
 */
public final class WebsiteStats {
    private WebsiteStats() {
    }

    public record Totals(long pageviews, long visitors, long visits, long bounces, long totaltime) {
        public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);
    }

    public static Totals run(EventStore store, EventScope scope) throws SQLException {
        if (SpanRollup.covers(scope.params())) return fromRollup(store, scope);
        var d = scope.dialect();
        SqlText sql = new SqlText().add("SELECT coalesce(sum(t.c), 0), count(DISTINCT t.session_id), count(*), "
                        + "coalesce(sum(CASE WHEN t.c = 1 THEN 1 ELSE 0 END), 0), coalesce(sum(t.secs), 0) FROM ("
                        + "SELECT " + d.anyValue("e.session_id") + " AS session_id, count(*) AS c, "
                        + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " AS secs FROM event e")
                .addAll(scope.where(EventScope.VIEWS))
                .add(" GROUP BY e.visit_id) t"); // visit ids are unique across sessions
        return store.read(c -> sql.list(c, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5))).getFirst());
    }

    /**
     * The same totals from the rollups: views, visits, bounces and time from the visit rollup, visitors
     * from the session rollup (a count of rows instead of a distinct count), edges from events.
     */
    static Totals fromRollup(EventStore store, EventScope scope) throws SQLException {
        var d = scope.dialect();
        SpanRollup r = SpanRollup.open(store, scope, SpanRollup.VISITS);
        // Short ranges and filtered ones: visitors as a distinct count over their (few) visits is cheaper than
        // the session rollup, whose sessions spanning a short range must all be checked against events.
        boolean shortRange = java.time.Duration.between(scope.params().startAt(), scope.params().endAt()).toDays() < SpanRollup.shortRangeDays()
                || !scope.params().filters().isEmpty();
        SqlText sql = new SqlText().add("SELECT coalesce(sum(t.c), 0), count(*), "
                        + "coalesce(sum(CASE WHEN t.c = 1 THEN 1 ELSE 0 END), 0), coalesce(sum(t.secs), 0), "
                        + (shortRange ? "count(DISTINCT t.session_id)" : "0") + " FROM ("
                        + "SELECT v.session_id, v.views AS c, " + d.secondsBetween("v.first_at", "v.last_at") + " AS secs FROM visit v")
                .addAll(r.cleanWhere());
        for (SqlText w : r.edgeEventWheres(true)) {
            sql.add(" UNION ALL SELECT " + d.anyValue("e.session_id") + ", count(*), "
                            + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " FROM event e")
                    .addAll(w).add(" GROUP BY e.visit_id"); // visit ids are unique across sessions
        }
        sql.add(") t");
        Parallel.Work<long[]> visits = () -> store.read(c -> sql.list(c, rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5)}).getFirst());
        if (shortRange) {
            long[] v = visits.run();
            return new Totals(v[0], v[4], v[1], v[2], v[3]);
        }
        var both = Parallel.both(visits, () -> SessionCounts.visitors(store, scope, EventScope.VIEWS));
        long[] v = both.first();
        return new Totals(v[0], both.second(), v[1], v[2], v[3]);
    }
}
