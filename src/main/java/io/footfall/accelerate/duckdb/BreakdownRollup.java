package io.footfall.accelerate.duckdb;

import io.footfall.config.QueryOptions;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The breakdown report over session attributes from the visit and session rollups.
 *
 * <p>Views, visits, bounces and seconds come from {@code visit} (read through {@link SpanRollup}): within a clean visit
 * (wholly in the range, folded, not {@code mixed}) every view carries the same attributes, so the plain report's group
 * (combination × session × visit) is the visit's row: its views, one-view bounce and first-to-last seconds. Edge visits
 * (cut by the range, mixed, or with pending rows) are grouped from their pageviews as the plain report groups them, within
 * their narrow windows.
 *
 * <p>Visitors come from {@code session_span} (split by {@link SessionSplit}, views present in the range): a known session
 * (folded, not mixed, its first or last view in the range) has views in the range, all with the session row's attributes,
 * so it is one visitor of its row's combination: a row count, not a distinct count over millions of visit rows. Only the
 * checked sessions (mixed, pending, or with views before and after the range) are counted distinct over their visit rows
 * and edge groups. Every session with a view in the range that passes the filters is in exactly one of the two sets.
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
        SpanRollup visits = SpanRollup.open(store, scope, SpanRollup.VISITS, QueryOptions.DEFAULTS);
        SessionSplit sessions = SessionSplit.open(store, scope, EventScope.VIEWS, SessionSplit.Question.PRESENT, QueryOptions.DEFAULTS);
        var d = scope.dialect();
        StringBuilder known = new StringBuilder();
        StringBuilder edge = new StringBuilder();
        StringBuilder edgeNamed = new StringBuilder();
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            known.append("v.").append(columns.get(i)).append(" AS f").append(i).append(", ");
            edge.append("e.").append(columns.get(i)).append(", ");
            edgeNamed.append("e.").append(columns.get(i)).append(" AS f").append(i).append(", ");
            outer.append(i == 0 ? "" : ", ").append("f").append(i);
        }
        // The edge visits' groups, read from events once (the checked sessions' part reads them again).
        List<SqlText> edgeWheres = visits.edgeEventWheres("e.event_type = 1", true);
        SqlText sql = new SqlText();
        if (!edgeWheres.isEmpty()) {
            sql.add("WITH edge AS MATERIALIZED (");
            for (int i = 0; i < edgeWheres.size(); i++) {
                sql.add((i == 0 ? "" : " UNION ALL ") + "SELECT " + edgeNamed + "e.session_id, count(*) AS c, "
                                + d.secondsBetween("min(e.created_at)", "max(e.created_at)") + " AS secs FROM event e").addAll(edgeWheres.get(i))
                        .add(" GROUP BY " + edge + "e.session_id, e.visit_id");
            }
            sql.add(") ");
        }
        sql.add("SELECT sum(t.views) AS views, sum(t.visitors) AS visitors, sum(t.visits) AS visits, sum(t.bounces) AS bounces,"
                        + " sum(t.secs) AS totaltime, " + outer + " FROM (SELECT " + outer + ", sum(r.c) AS views, 0 AS visitors, count(*) AS visits,"
                        + " sum(CASE WHEN r.c = 1 THEN 1 ELSE 0 END) AS bounces, sum(r.secs) AS secs FROM (")
                .addAll(rows(visits, known, d.secondsBetween("v.first_at", "v.last_at"), !edgeWheres.isEmpty(), null))
                .add(") r GROUP BY " + outer)
                // one visitor per known session, of its row's combination
                .add(" UNION ALL SELECT " + known + "0, count(*), 0, 0, 0 FROM session_span v").addAll(sessions.knownWhere())
                .add(" GROUP BY " + outer);
        SqlText checked = sessions.checkedKeys();
        if (checked != null) {
            sql.add(" UNION ALL SELECT " + outer + ", 0, count(DISTINCT r.session_id), 0, 0, 0 FROM (")
                    .addAll(rows(visits, known, d.secondsBetween("v.first_at", "v.last_at"), !edgeWheres.isEmpty(), checked))
                    .add(") r GROUP BY " + outer);
        }
        return sql.add(") t GROUP BY " + outer + " ORDER BY views DESC, visitors DESC, " + outer + " LIMIT 500");
    }

    /**
     * One row per combination and visit (visit ids are unique across sessions, so counting rows counts distinct visits):
     * {@code f0...}, session_id, c (views), secs; only the sessions named by {@code sessionKeys} when given.
     */
    private static SqlText rows(SpanRollup visits, CharSequence known, String secs, boolean edges, SqlText sessionKeys) {
        SqlText s = new SqlText().add("SELECT " + known + "v.session_id, v.views AS c, " + secs + " AS secs FROM visit v")
                .addAll(visits.cleanWhere());
        if (sessionKeys != null) s.add(" AND v.session_id IN (").addAll(sessionKeys).add(")");
        if (edges) {
            s.add(" UNION ALL SELECT x.* FROM edge x");
            if (sessionKeys != null) s.add(" WHERE x.session_id IN (").addAll(sessionKeys).add(")");
        }
        return s;
    }
}
