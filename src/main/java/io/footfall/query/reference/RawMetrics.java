package io.footfall.query.reference;

import io.footfall.query.Buckets;
import io.footfall.query.EventScope;
import io.footfall.query.Filter;
import io.footfall.query.MetricType;
import io.footfall.query.Operator;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-value statistics over the raw events: the metrics top list (distinct sessions per value, events for
 * {@code type=event}), the expanded totals per value, and custom events per name and time bucket.
 */
final class RawMetrics {
    private RawMetrics() {
    }

    /** A {@code search} narrows the type's column, as a contains filter. */
    static EventScope searched(EventScope scope, MetricType type) {
        QueryParams p = scope.params();
        if (p.search() == null || type.searchColumn() == null) return scope;
        return scope.withParams(p.withFilter(new Filter(type.name(), type.searchColumn(), Operator.CONTAINS, List.of(p.search()))));
    }

    /**
     * Types with few (value, session) pairs: the session's attributes (usually the same on all its rows), and the
     * channel (a visit's rows share their referrer: 234 k pairs for 733 k rows over 90 days of the 1 M bench; 7 days
     * 281 → 185 ms with the pairs hashed, on PostgreSQL's stored channel, docs/benchmarks.md h18-pgaccel).
     */
    private static final java.util.Set<String> SESSION_VALUES =
            java.util.Set.of("browser", "os", "device", "screen", "language", "country", "region", "city", "channel");

    /** {@code [{x, y}]} by y descending then x; region and city rows carry their country. */
    static List<Map<String, Object>> metrics(EventStore store, EventScope scope, MetricType type) throws SQLException {
        scope = searched(scope, type);
        if (type.isEntryExit()) return entryExit(store, scope, type);
        QueryParams p = scope.params();
        boolean withCountry = type.carriesCountry();
        String country = withCountry ? ", e.country" : "";
        String y = type.countsEvents() ? "count(*)" : "count(DISTINCT e.session_id)";
        SqlText sql;
        if (SESSION_VALUES.contains(type.name())) {
            // A value the session carries: its (value, session) pairs are about as many as sessions, so they are
            // grouped first and counted per value; PostgreSQL then hashes instead of sorting every row by its text
            // (measured 1.7x faster on 90 days; for pages, whose pairs are nearly as many as rows, it was slower).
            sql = new SqlText().addAll(type.with(scope)).add("SELECT t.x, count(*) AS y" + (withCountry ? ", t.country" : "") + " FROM (SELECT "
                            + type.expression() + " AS x" + country + ", e.session_id")
                    .addAll(type.from(scope))
                    .addAll(scope.where(type.typeCondition()))
                    .add(type.extraWhere())
                    .add(" AND " + MetricType.present(type.expression()))
                    .add(" GROUP BY 1" + (withCountry ? ", 2" : "") + ", e.session_id) t GROUP BY t.x" + (withCountry ? ", t.country" : ""));
        } else {
            sql = new SqlText().addAll(type.with(scope))
                    .add("SELECT " + type.expression() + " AS x, " + y + " AS y" + country)
                    .addAll(type.from(scope))
                    .addAll(scope.where(type.typeCondition()))
                    .add(type.extraWhere())
                    .add(" AND " + MetricType.present(type.expression()))
                    .add(" GROUP BY 1" + (withCountry ? ", 3" : ""));
        }
        sql.add(" ORDER BY 2 DESC, 1" + (withCountry ? ", 3" : "") + " LIMIT ? OFFSET ?", p.limit(), p.offset());
        return Raw.list(store, sql, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", rs.getString(1));
            row.put("y", rs.getLong(2));
            if (withCountry) row.put("country", rs.getString(3));
            return row;
        });
    }

    /**
     * Entry (exit) pages: each visit's first (last) view in the range, the visit kept when one of its views
     * in range passes the filters; then distinct sessions per page.
     */
    private static List<Map<String, Object>> entryExit(EventStore store, EventScope scope, MetricType type) throws SQLException {
        QueryParams p = scope.params();
        Dialect d = scope.dialect();
        String page = type.name().equals("entry") ? d.firstBy("e.url_path", "e.created_at") : d.lastBy("e.url_path", "e.created_at");
        SqlText sql = new SqlText().add("SELECT t.x, count(DISTINCT t.session_id) FROM (SELECT "
                        + d.anyValue("e.session_id") + " AS session_id, " + page + " AS x FROM event e")
                .addAll(scope.rangeOnly("e", EventScope.VIEWS))
                .add(" GROUP BY e.visit_id");
        SqlText filters = scope.filterCondition();
        if (filters != null) sql.add(" HAVING max(CASE WHEN ").addAll(filters).add(" THEN 1 ELSE 0 END) = 1");
        sql.add(") t WHERE " + MetricType.present("t.x") + " GROUP BY t.x ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?", p.limit(), p.offset());
        return Raw.list(store, sql, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", rs.getString(1));
            row.put("y", rs.getLong(2));
            return row;
        });
    }

    /** Per value, the totals of {@link RawTotals#stats} within the value (one row per value and visit first). */
    static List<Map<String, Object>> expanded(EventStore store, EventScope scope, MetricType type) throws SQLException {
        scope = searched(scope, type);
        QueryParams p = scope.params();
        Dialect d = scope.dialect();
        SqlText sql = new SqlText().addAll(type.with(scope)).add("SELECT t.x, sum(t.c), count(DISTINCT t.session_id), count(*), "
                        + "sum(CASE WHEN t.c = 1 THEN 1 ELSE 0 END), sum(t.secs) FROM (SELECT " + type.expression()
                        + " AS x, " + d.anyValue("e.session_id") + " AS session_id, count(*) AS c, "
                        + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " AS secs")
                .addAll(type.from(scope))
                .addAll(scope.where(type.typeCondition()))
                .add(type.extraWhere())
                .add(" GROUP BY 1, e.visit_id) t")
                .add(" WHERE " + MetricType.present("t.x") + " GROUP BY t.x ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?", p.limit(), p.offset());
        return Raw.list(store, sql, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", rs.getString(1));
            row.put("pageviews", rs.getLong(2));
            row.put("visitors", rs.getLong(3));
            row.put("visits", rs.getLong(4));
            row.put("bounces", rs.getLong(5));
            row.put("totaltime", rs.getLong(6));
            return row;
        });
    }

    /** {@code [{x: name, t: bucket, y: count}]} of custom events, by bucket then name. */
    static List<Map<String, Object>> eventSeries(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT t.x, t.b, count(*) FROM (SELECT e.event_name AS x, ")
                .addAll(scope.bucket("e.created_at"))
                .add(" AS b FROM event e")
                .addAll(scope.where(EventScope.CUSTOM_EVENTS))
                .add(") t GROUP BY t.x, t.b ORDER BY t.b, t.x");
        boolean iso = scope.params().isoUtc();
        return Raw.list(store, sql, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x", rs.getString(1));
            m.put("t", Buckets.read(rs, 2, iso));
            m.put("y", rs.getLong(3));
            return m;
        });
    }
}
