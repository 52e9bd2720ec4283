package io.footfall.accelerate.duckdb;

import io.footfall.config.QueryOptions;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The breakdown report over session attributes from the visit rollup ({@code visit}, read through {@link SpanRollup}):
 * within a clean visit (wholly in the range, folded, not {@code mixed}) every view carries the same attributes, so the
 * plain report's group (combination × session × visit) is the visit's row: its views, one-view bounce and first-to-last
 * seconds. Edge visits (cut by the range, mixed, or with pending rows) are grouped from their pageviews as the plain
 * report groups them, within their narrow windows.
 *
 * <p>The rollup's views are pageviews, link and pixel hits; the report counts pageviews only. A website's events hold no
 * link or pixel hits (the collector gives those their link's or pixel's own id), so for a website both are the same.
 */
public final class BreakdownRollup {
    /** The event columns of the report's fields that the visit rollup carries, constant over a clean visit. */
    public static final Set<String> COLUMNS = Set.of("browser", "os", "device", "screen", "language", "country", "region", "city");

    private BreakdownRollup() {
    }

    /** Whether the rollup answers: DuckDB, every field a session attribute, every filter one the rollup takes. */
    public static boolean covers(EventScope scope, List<String> columns) {
        return scope.dialect().name().equals("duckdb") && COLUMNS.containsAll(columns) && SpanRollup.covers(scope.params());
    }

    /**
     * The answer's statement: views, visitors, visits, bounces, totaltime and {@code f0...} per combination of
     * {@code columns}, ordered and limited as the plain report. Run it under {@link EventStore#readTogether}.
     */
    public static SqlText query(EventStore store, EventScope scope, List<String> columns) throws SQLException {
        SpanRollup r = SpanRollup.open(store, scope, SpanRollup.VISITS, QueryOptions.DEFAULTS);
        var d = scope.dialect();
        StringBuilder known = new StringBuilder();
        StringBuilder edge = new StringBuilder();
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            known.append("v.").append(columns.get(i)).append(" AS f").append(i).append(", ");
            edge.append("e.").append(columns.get(i)).append(", ");
            outer.append(i == 0 ? "" : ", ").append("f").append(i);
        }
        SqlText sql = new SqlText().add("SELECT sum(t.c) AS views, count(DISTINCT t.session_id) AS visitors, count(*) AS visits,"
                        + " sum(CASE WHEN t.c = 1 THEN 1 ELSE 0 END) AS bounces, sum(t.secs) AS totaltime, " + outer
                        + " FROM (SELECT " + known + "v.session_id, v.views AS c, " + d.secondsBetween("v.first_at", "v.last_at")
                        + " AS secs FROM visit v")
                .addAll(r.cleanWhere());
        // one row per combination and visit: visit ids are unique across sessions, so count(*) counts distinct visits
        for (SqlText w : r.edgeEventWheres("e.event_type = 1", true)) {
            sql.add(" UNION ALL SELECT " + edge + "e.session_id, count(*), " + d.secondsBetween("min(e.created_at)", "max(e.created_at)")
                    + " FROM event e").addAll(w).add(" GROUP BY " + edge + "e.session_id, e.visit_id");
        }
        return sql.add(") t GROUP BY " + outer + " ORDER BY views DESC, visitors DESC, " + outer + " LIMIT 500");
    }
}
