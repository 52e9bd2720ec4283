package io.footfall.accelerate.duckdb;

import io.footfall.query.Parallel;
import io.footfall.query.Filter;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.MetricType;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;
import io.footfall.store.SessionValueKind;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expanded metrics of a page or traffic dimension (path, referrer, title, query, hostname, tag, channel)
 * through the visit-value rollup: per value, views, visits, bounces (visits with one view of it) and time
 * (first to last view of it in each visit) as sums over (visit, value) rows. Rows count only for visits
 * the visit rollup calls clean (wholly inside the range, not mixed, nothing pending); the edge visits are
 * grouped from their events in the range, as {@link SpanRollup} sets out. A value shows when some visit
 * viewed it in range (visits > 0). Visitors per value come from {@link SessionValues}.
 */
final class VisitValues {
    private VisitValues() {
    }

    static List<Map<String, Object>> expanded(EventStore store, EventScope scope, MetricType type, QueryOptions options) throws SQLException {
        QueryParams p = scope.params();
        var both = Parallel.both(() -> totals(store, scope, type, options),
                () -> SessionValues.metric(store, scope.withParams(p.withRows(Integer.MAX_VALUE, 0)), type));
        Map<String, Object> visitors = new HashMap<>();
        for (Map<String, Object> row : both.second()) visitors.put((String) row.get("x"), row.get("y"));
        for (Map<String, Object> row : both.first()) row.put("visitors", visitors.getOrDefault((String) row.get("name"), 0L));
        return both.first();
    }

    /** The requested page of values, ordered as the event-table query orders them, without visitors yet. */
    private static List<Map<String, Object>> totals(EventStore store, EventScope scope, MetricType type, QueryOptions options) throws SQLException {
        SessionValueKind kind = SessionValueKind.forMetric(type.name());
        QueryParams p = scope.params();
        var d = scope.dialect();
        // Filters are on the dimension itself: over the rollup they read its value column.
        EventScope onValue = scope.withParams(p.withFilters(p.filters().stream()
                .map(f -> new Filter("value", "value", f.operator(), f.values())).toList()));
        SpanRollup visits = SpanRollup.open(store, scope.withParams(p.withFilters(List.of())), SpanRollup.VISITS, options);

        // Every row starting in the range (whole UTC days from the day sums), less the rows of edge visits
        // (found through narrow windows), plus the edge visits grouped from their events: rows of the other
        // visits starting in the range lie wholly in it. Subtracting costs far less than an anti-join.
        String secs = d.secondsBetween("v.first_at", "v.last_at");
        String sums = "sum(v.views) AS views, count(*) AS visits, count(*) FILTER (WHERE v.views = 1) AS bounces, sum(" + secs + ") AS secs";
        String rows = "SELECT v.value AS x, " + sums + " FROM " + kind.visitTable() + " v WHERE v.website_id = ?";
        SqlText sql = new SqlText().add("SELECT t.x, sum(t.views)::BIGINT, sum(t.visits)::BIGINT, sum(t.bounces)::BIGINT, sum(t.secs)::BIGINT FROM (")
                .addAll(WholeDays.startingIn(p, "v.first_at",
                        days -> new SqlText().add("SELECT y.value AS x, sum(y.views) AS views, sum(y.visits) AS visits, sum(y.bounces) AS bounces, "
                                        + "sum(y.secs) AS secs FROM visit_value_day y WHERE y.website_id = ? AND y.kind = ? AND y.day >= ? AND y.day < ?",
                                scope.websiteId(), kind.code, days[0], days[1]).addAll(onValue.filters("y")).add(" GROUP BY 1"),
                        window -> new SqlText().add(rows, scope.websiteId()).addAll(window).addAll(onValue.filters("v")).add(" GROUP BY 1"), "neg.x, -neg.views, -neg.visits, -neg.bounces, -neg.secs"));
        for (SqlText where : visits.edgeRowWheres(false, UnitNumbers.VISITS)) {
            UnitNumbers n = UnitNumbers.VISITS;
            sql.add(" UNION ALL SELECT v.value, -sum(v.views), -count(*), -count(*) FILTER (WHERE v.views = 1), -sum(" + secs + ") FROM "
                            + n.table() + " un JOIN " + kind.visitTable() + " v ON un.website_id = v.website_id AND un.num = v." + n.column()).addAll(where)
                    .add(" AND v.first_at BETWEEN ? AND ?", p.startAt(), p.endAt()).addAll(onValue.filters("v")).add(" GROUP BY 1");
        }
        for (SqlText where : visits.edgeEventWheres(EventScope.VIEWS, false)) {
            sql.add(" UNION ALL SELECT g.x, sum(g.c), count(*), count(*) FILTER (WHERE g.c = 1), sum(g.secs) FROM (SELECT "
                            + kind.sql(d) + " AS x, count(*) AS c, " + d.secondsBetween("min(e.created_at)", "max(e.created_at)")
                            + " AS secs FROM event e").addAll(where).addAll(scope.filters("e"))
                    .add(" GROUP BY 1, e.visit_id) g" + (kind.skipsNull() ? " WHERE g.x IS NOT NULL" : "") + " GROUP BY 1");
        }
        sql.add(") t GROUP BY t.x HAVING sum(t.visits) > 0 AND " + MetricType.present("t.x") + " ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?", p.limit(), p.offset());
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", rs.getString(1));
            row.put("pageviews", rs.getLong(2));
            row.put("visitors", 0L);
            row.put("visits", rs.getLong(3));
            row.put("bounces", rs.getLong(4));
            row.put("totaltime", rs.getLong(5));
            return row;
        }));
    }
}
