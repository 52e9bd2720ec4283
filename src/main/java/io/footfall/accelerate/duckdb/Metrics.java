package io.footfall.accelerate.duckdb;

import io.footfall.query.Filter;
import io.footfall.query.QueryParams;
import io.footfall.query.Operator;
import io.footfall.query.MetricRows;
import io.footfall.query.MetricType;
import io.footfall.query.SqlText;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Top values of one dimension: {@code [{x, y}]} sorted by y descending, where y is distinct sessions
 * (events for {@code type=event}); region and city rows also carry their country.
 */
public final class Metrics {
    private Metrics() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope, MetricType type, QueryOptions options) throws SQLException {
        QueryParams p = scope.params();
        if (p.search() != null && type.searchColumn() != null) {
            scope = scope.withParams(p.withFilter(new Filter(type.name(), type.searchColumn(), Operator.CONTAINS,
                    List.of(p.search()))));
        }
        if (SessionValues.covers(scope.params(), type)) return SessionValues.metric(store, scope, type);
        if (type.name().equals("event") && EventHourly.covers(scope.params())) {
            SqlText sql = new SqlText().add("SELECT x, sum(n)::BIGINT FROM (").addAll(EventHourly.rows(store, scope, false))
                    .add(") t GROUP BY x HAVING sum(n) > 0 AND " + MetricType.present("x")).addAll(MetricRows.rankedPage(p, false));
            return MetricRows.read(store, sql, false);
        }
        if (type.isEntryExit() && SpanRollup.covers(scope.params())) return EntryExitRollup.run(store, scope, type, options);
        if (type.usesRollup() && SpanRollup.covers(scope.params())) return SessionCounts.metric(store, scope, type, options);
        if (type.isEntryExit()) return entryExit(store, scope, type);
        String y = type.countsEvents() ? "count(*)" : "count(DISTINCT e.session_id)";
        boolean withCountry = type.carriesCountry();
        String country = withCountry ? ", e.country" : "";
        SqlText sql = new SqlText().addAll(type.with(scope)).add("SELECT " + type.expression() + " AS x, " + y + " AS y" + country)
                .addAll(type.from(scope))
                .addAll(scope.where(type.typeCondition()))
                .add(type.extraWhere())
                .add(" AND " + MetricType.present(type.expression()))
                .add(" GROUP BY 1" + (withCountry ? ", 3" : ""))
                .addAll(MetricRows.rankedPage(p, withCountry));
        return MetricRows.read(store, sql, withCountry);
    }

    /**
     * Entry and exit pages in one pass: each visit in range with its first (last) view's path, kept when
     * any of its views in range passes the filters; then distinct sessions per path.
     */
    private static List<Map<String, Object>> entryExit(EventStore store, EventScope scope, MetricType type) throws SQLException {
        QueryParams p = scope.params();
        var d = scope.dialect();
        String path = type.name().equals("entry") ? d.firstBy("e.url_path", "e.created_at") : d.lastBy("e.url_path", "e.created_at");
        SqlText sql = new SqlText().add("SELECT t.x, count(DISTINCT t.session_id) AS y FROM (SELECT "
                        + d.anyValue("e.session_id") + " AS session_id, " + path + " AS x FROM event e")
                .addAll(scope.rangeOnly("e", EventScope.VIEWS))
                .add(" GROUP BY e.visit_id");
        SqlText filters = scope.filterCondition();
        if (filters != null) sql.add(" HAVING max(CASE WHEN ").addAll(filters).add(" THEN 1 ELSE 0 END) = 1");
        sql.add(") t WHERE " + MetricType.present("t.x") + " GROUP BY t.x").addAll(MetricRows.rankedPage(p, false));
        return MetricRows.read(store, sql, false);
    }
}
