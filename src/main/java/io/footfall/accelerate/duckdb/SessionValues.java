package io.footfall.accelerate.duckdb;

import io.footfall.query.Filter;
import io.footfall.query.FilterColumns;
import io.footfall.query.MetricRows;
import io.footfall.query.MetricType;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;
import io.footfall.store.SessionValueKind;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Metrics of a page or traffic dimension (path, referrer, title, query, hostname, tag, channel) through
 * the session-value rollup: visitors per value without a distinct count. A (session, value) row is
 * <em>known</em> when its first or last view with that value lies in the range (then the session viewed
 * it in range) and its session has no pending rows; it is <em>checked</em> against the events when its
 * views start before and end after the range, or when its session has pending rows. Known rows count
 * one each; checked pairs by a distinct count over their events, joined on (session, value).
 */
final class SessionValues {
    private SessionValues() {
    }

    /** True when the rollup can answer: a kind exists for the type and every filter is on the type's own column. */
    static boolean covers(QueryParams p, MetricType type) {
        SessionValueKind kind = SessionValueKind.forMetric(type.name());
        if (kind == null) return false;
        String column = FilterColumns.metricColumn(type.name());
        for (Filter f : p.filters()) {
            if (column == null || !f.column().equals(column)) return false;
        }
        return true;
    }

    static List<Map<String, Object>> metric(EventStore store, EventScope scope, MetricType type) throws SQLException {
        SessionValueKind kind = SessionValueKind.forMetric(type.name());
        QueryParams p = scope.params();
        // The filters are on the dimension itself: over the rollup they read its value column.
        EventScope onValue = scope.withParams(p.withFilters(p.filters().stream()
                .map(f -> new Filter("value", "value", f.operator(), f.values())).toList()));
        boolean pending = Tail.has(store, scope, EventScope.VIEWS);
        SqlText checkedSet = checkedSet(scope, onValue, kind, pending);
        SqlText extent = new SqlText().add("SELECT min(g.f), max(g.l) FROM ").addAll(checkedSet).add(" g");
        Instant[] window = store.read(c -> extent.list(c, rs -> new Instant[]{Sql.instant(rs, 1), Sql.instant(rs, 2)}).getFirst());

        SqlText sql = new SqlText().add("SELECT t.x, sum(t.y)::BIGINT AS y FROM (").addAll(known(scope, onValue, kind, pending));
        if (window[0] != null) {
            Instant from = window[0].isBefore(p.startAt()) ? p.startAt() : window[0];
            Instant to = window[1].isAfter(p.endAt()) ? p.endAt() : window[1];
            sql.add(" UNION ALL SELECT " + kind.sql(scope.dialect()) + ", count(DISTINCT e.session_id) FROM event e JOIN ").addAll(checkedSet)
                    .add(" c ON c.k = e.session_id AND c.v IS NOT DISTINCT FROM (" + kind.sql(scope.dialect()) + ")")
                    .add(" WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + EventScope.VIEWS, scope.websiteId(), from, to)
                    .addAll(scope.filters("e"))
                    .add(" GROUP BY 1");
        }
        sql.add(") t GROUP BY t.x HAVING sum(t.y) > 0 AND " + MetricType.present("t.x")).addAll(MetricRows.rankedPage(p, false));
        return MetricRows.read(store, sql, false);
    }

    /**
     * Known rows per value, as rows {@code (x, y)} to be summed: rows whose first view lies in the range
     * (whole UTC days from the day counts) plus rows starting before it whose last view lies in it, less
     * the rows of sessions with pending rows (those are checked) that either part counted.
     */
    private static SqlText known(EventScope scope, EventScope onValue, SessionValueKind kind, boolean pending) {
        QueryParams p = scope.params();
        String rows = "SELECT v.value AS x, count(*) AS y FROM " + kind.sessionTable() + " v WHERE v.website_id = ?";
        SqlText s = WholeDays.startingIn(p, "v.first_at",
                days -> new SqlText().add("SELECT y.value AS x, sum(y.rows) AS y FROM session_value_day y WHERE y.website_id = ? AND y.kind = ? "
                        + "AND y.day >= ? AND y.day < ?", scope.websiteId(), kind.code, days[0], days[1]).addAll(onValue.filters("y")).add(" GROUP BY 1"),
                window -> new SqlText().add(rows, scope.websiteId()).addAll(window).addAll(onValue.filters("v")).add(" GROUP BY 1"), "neg.x, -neg.y");
        s.add(" UNION ALL " + rows + " AND v.first_at < ? AND v.last_at BETWEEN ? AND ?", scope.websiteId(), p.startAt(), p.startAt(), p.endAt())
                .addAll(onValue.filters("v")).add(" GROUP BY 1");
        if (pending) {
            s.add(" UNION ALL SELECT v.value, -count(*) FROM " + kind.sessionTable() + " v WHERE v.website_id = ? AND v.last_at >= ? "
                            + "AND v.first_at <= ? AND (v.first_at BETWEEN ? AND ? OR v.last_at BETWEEN ? AND ?)",
                    scope.websiteId(), p.startAt(), p.endAt(), p.startAt(), p.endAt(), p.startAt(), p.endAt()).addAll(onValue.filters("v"))
                    .add(" AND v.session_num IN " + pendingNumbers() + " GROUP BY 1", scope.websiteId(), scope.websiteId());
        }
        return s;
    }

    /**
     * The checked pairs as a derived table {@code (k, v, f, l)}: rows whose views span the range, and every
     * row (folded or pending) of a session with pending rows.
     */
    private static SqlText checkedSet(EventScope scope, EventScope onValue, SessionValueKind kind, boolean pending) {
        QueryParams p = scope.params();
        // The rows name sessions by number: the few checked ones (built on the right) take their ids from session_number.
        SqlText s = new SqlText().add("(SELECT n.session_id AS k, s.value AS v, s.first_at AS f, s.last_at AS l FROM session_number n JOIN "
                        + kind.sessionTable() + " s ON n.website_id = s.website_id AND n.num = s.session_num WHERE n.website_id = ? AND s.website_id = ? "
                        + "AND ((s.first_at < ? AND s.last_at > ?", scope.websiteId(), scope.websiteId(), p.startAt(), p.endAt())
                .addAll(onValue.filters("s")).add(")");
        if (pending) {
            s.add(" OR s.session_num IN " + pendingNumbers(), scope.websiteId(), scope.websiteId());
            s.add(") UNION ALL SELECT p.session_id, p.value, p.first_at, p.last_at FROM session_value_pending p "
                    + "WHERE p.website_id = ? AND p.kind = ?", scope.websiteId(), kind.code);
        } else {
            s.add(")");
        }
        return s.add(")");
    }

    /** The numbers of the website's sessions with pending rows (two parameters: the website, twice). */
    private static String pendingNumbers() {
        return "(SELECT pn.num FROM session_number pn WHERE pn.website_id = ? AND pn.session_id IN " + Tail.ids("session_value_pending", "session_id") + ")";
    }

}
