package io.footfall.report;

import io.footfall.query.Buckets;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retention report: visitors grouped into cohorts by the day (in the request's time zone) of their first
 * activity in the range, and for each cohort and day offset 0…31 how many of them were active that day.
 * Rows only where someone returned, as Umami; {@code percentage} = returnVisitors × 100 / visitors.
 */
public final class Retention {
    static final int MAX_DAY = 31;

    private Retention() {
    }

    /** The report: from the per-session hourly rollup where it covers the request ({@code rollups}), else from events. */
    public static List<Map<String, Object>> run(ReportAccelerator rollups, EventStore store, EventScope scope) throws SQLException {
        Optional<RetentionPieces> rolled = rollups.retention(scope);
        if (rolled.isPresent()) {
            SqlText sql = rolled.get().query(store, scope, MAX_DAY);
            return store.read(c -> sql.list(c, rs -> row(rs, scope.params().isoUtc())));
        }
        return plain(store, scope);
    }

    /** The report read from events only: the reference the rollup path is tested equal to. */
    public static List<Map<String, Object>> plain(EventStore store, EventScope scope) throws SQLException {
        SqlText active = new SqlText().add("WITH active AS (SELECT DISTINCT e.session_id, ").addAll(day(scope, "e.created_at")).add(" AS day FROM event e")
                .addAll(scope.where(Reports.REPORTABLE)).add(")");
        return answer(store, scope, active);
    }

    /** The request's local day of a UTC timestamp column. */
    private static SqlText day(EventScope scope, String column) {
        String[] around = scope.dialect().truncate("day", "\u0001").split("\u0001", -1);
        return new SqlText().add(around[0]).addAll(scope.localTime(column, scope.params().zone())).add(around[1]);
    }

    /** Cohorts and returns from {@code active} (a WITH list ending in {@code active(session_id, day)}). */
    private static List<Map<String, Object>> answer(EventStore store, EventScope scope, SqlText active) throws SQLException {
        String days = scope.dialect().daysBetween("c.cohort", "a.day");
        SqlText sql = new SqlText().addAll(active).add(""
                        + ", cohorts AS (SELECT session_id, min(day) AS cohort FROM active GROUP BY session_id)"
                        + ", sizes AS (SELECT cohort, count(*) AS visitors FROM cohorts GROUP BY cohort)"
                        + " SELECT c.cohort, " + days + " AS day_number, s.visitors, count(*) AS returning FROM active a"
                        + " JOIN cohorts c ON c.session_id = a.session_id JOIN sizes s ON s.cohort = c.cohort"
                        + " WHERE " + days + " <= " + MAX_DAY
                        + " GROUP BY c.cohort, " + days + ", s.visitors ORDER BY 1, 2");
        boolean iso = scope.params().isoUtc();
        return store.read(c -> sql.list(c, rs -> row(rs, iso)));
    }

    /** One answer row from (cohort, day number, cohort size, returning). */
    private static Map<String, Object> row(java.sql.ResultSet rs, boolean iso) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        long visitors = rs.getLong(3);
        long returning = rs.getLong(4);
        m.put("date", Buckets.read(rs, 1, iso));
        m.put("day", rs.getInt(2));
        m.put("visitors", visitors);
        m.put("returnVisitors", returning);
        m.put("percentage", returning * 100.0 / visitors);
        return m;
    }
}
