package io.footfall.accelerate.duckdb;

import io.footfall.query.Filter;
import io.footfall.query.Operator;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.MetricType;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per value of one dimension, the full set of totals: {@code [{name, pageviews, visitors, visits, bounces,
 * totaltime}]} computed as {@link WebsiteStats} does, within each value.
 */
public final class ExpandedMetrics {
    private ExpandedMetrics() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope, MetricType type, QueryOptions options) throws SQLException {
        QueryParams p = scope.params();
        if (p.search() != null && type.searchColumn() != null) {
            scope = scope.withParams(p.withFilter(new Filter(type.name(), type.searchColumn(), Operator.CONTAINS,
                    List.of(p.search()))));
        }
        if (SessionValues.covers(scope.params(), type)) return VisitValues.expanded(store, scope, type, options);
        var d = scope.dialect();
        // Visit ids are unique across sessions, so grouping by (value, visit) gives one row per visit and value.
        SqlText sql = new SqlText().addAll(type.with(scope)).add("SELECT t.x, sum(t.c), count(DISTINCT t.session_id), count(*), "
                        + "sum(CASE WHEN t.c = 1 THEN 1 ELSE 0 END), sum(t.secs) FROM (SELECT " + type.expression()
                        + " AS x, " + d.anyValue("e.session_id") + " AS session_id, count(*) AS c, "
                        + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " AS secs")
                .addAll(type.from(scope))
                .addAll(scope.where(type.typeCondition()))
                .add(type.extraWhere())
                .add(" GROUP BY 1, e.visit_id) t")
                .add(" WHERE " + MetricType.present("t.x") + " GROUP BY t.x ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?", p.limit(), p.offset());
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", rs.getString(1));
            row.put("pageviews", rs.getLong(2));
            row.put("visitors", rs.getLong(3));
            row.put("visits", rs.getLong(4));
            row.put("bounces", rs.getLong(5));
            row.put("totaltime", rs.getLong(6));
            return row;
        }));
    }
}
