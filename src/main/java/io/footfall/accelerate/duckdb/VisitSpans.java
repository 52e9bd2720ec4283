package io.footfall.accelerate.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The per-visit rollup of views (V2: {@code visit}), folded from the event tail: a visit's first and last
 * view, count, entry and exit path, session attributes, and whether its views disagree on one (mixed).
 */
final class VisitSpans {
    private static final String[] ATTRIBUTES = {"browser", "os", "device", "screen", "language", "country", "region", "city"};

    private VisitSpans() {
    }

    /** The per-visit aggregate of view rows ({@code FROM ... WHERE} part given), as the table's columns. */
    private static String aggregate(String from) {
        StringBuilder attrs = new StringBuilder();
        StringBuilder tuple = new StringBuilder("concat_ws(chr(1)");
        for (String col : ATTRIBUTES) {
            attrs.append(", any_value(").append(col).append(") AS ").append(col);
            tuple.append(", coalesce(").append(col).append(", chr(2))");
        }
        return "SELECT website_id, visit_id, any_value(session_id) AS session_id, min(created_at) AS first_at, "
                + "max(created_at) AS last_at, count(*) AS views, arg_min(url_path, created_at) AS entry_path, "
                + "arg_max(url_path, created_at) AS exit_path" + attrs + ", count(DISTINCT " + tuple + ")) > 1 AS mixed FROM " + from
                + " GROUP BY website_id, visit_id";
    }

    /** Rebuilds rows from the folded views of the visits {@code visits} names. */
    static String rebuild(Narrowing visits) {
        return "INSERT INTO visit SELECT *, NULL, NULL FROM (" + aggregate("event WHERE event_type IN (1, 3, 4) AND "
                + Rollups.FOLDED + visits.and("visit_id")) + ") a ORDER BY first_at";
    }

    /** Merges the pending views into visit. */
    static void fold(Connection c) throws SQLException {
        StringBuilder mixed = new StringBuilder("v.mixed OR d.mixed");
        for (String col : ATTRIBUTES) mixed.append(" OR v.").append(col).append(" IS DISTINCT FROM d.").append(col);
        StringBuilder values = new StringBuilder();
        for (String col : ATTRIBUTES) values.append(", d.").append(col);
        try (Statement st = c.createStatement()) {
            // Materialized: a semi-join on a view of unknown size makes the engine hash the whole rollup instead.
            st.execute("CREATE OR REPLACE TEMP TABLE touched_visits AS SELECT DISTINCT visit_id FROM " + Rollups.TAIL
                    + " WHERE event_type IN (1, 3, 4)");
            RollupTotals.bracket(st, RollupTotals.VISIT_DAYS, "s.visit_id IN (SELECT visit_id FROM touched_visits)", () -> st.execute(
                    "MERGE INTO visit v USING (" + aggregate(Rollups.TAIL + " WHERE event_type IN (1, 3, 4)") + ") d "
                    + "ON v.website_id = d.website_id AND v.visit_id = d.visit_id "
                    + "WHEN MATCHED THEN UPDATE SET views = v.views + d.views, "
                    + "entry_path = CASE WHEN d.first_at < v.first_at THEN d.entry_path ELSE v.entry_path END, "
                    + "exit_path = CASE WHEN d.last_at >= v.last_at THEN d.exit_path ELSE v.exit_path END, "
                    + "first_at = least(v.first_at, d.first_at), last_at = greatest(v.last_at, d.last_at), mixed = " + mixed + " "
                    + "WHEN NOT MATCHED THEN INSERT VALUES (d.website_id, d.visit_id, d.session_id, d.first_at, d.last_at, d.views, "
                    + "d.entry_path, d.exit_path" + values + ", d.mixed, NULL, NULL)"));
            st.execute("CREATE OR REPLACE TEMP TABLE touched_visit_sessions AS SELECT DISTINCT session_id FROM " + Rollups.TAIL
                    + " WHERE event_type IN (1, 3, 4)");
            relink(st, "SELECT session_id FROM touched_visit_sessions");
            st.execute("DROP TABLE touched_visit_sessions");
            st.execute("DROP TABLE touched_visits");
        }
    }

    /**
     * Recomputes prev_entry_at and prev_exit_at (V7) for the sessions the sub-query names, or for all when
     * it is null: the previous visit of the session with the same entry (exit) path, by first view.
     */
    static void relink(Statement st, String sessions) throws SQLException {
        st.execute(relinkSql(sessions));
    }

    static String relinkSql(String sessions) {
        return ("UPDATE visit SET prev_entry_at = x.pe, prev_exit_at = x.px FROM (SELECT website_id, visit_id, "
                + "lag(first_at) OVER (PARTITION BY website_id, session_id, entry_path ORDER BY first_at, visit_id) AS pe, "
                + "lag(first_at) OVER (PARTITION BY website_id, session_id, exit_path ORDER BY first_at, visit_id) AS px FROM visit"
                + (sessions == null ? "" : " WHERE session_id IN (" + sessions + ")") + ") x "
                + "WHERE visit.website_id = x.website_id AND visit.visit_id = x.visit_id "
                + "AND (visit.prev_entry_at IS DISTINCT FROM x.pe OR visit.prev_exit_at IS DISTINCT FROM x.px)");
    }

    /** Pending visits for readers: those with unfolded views, with their span. */
    static String pendingView() {
        return "SELECT website_id, visit_id, any_value(session_id) AS session_id, min(created_at) AS first_at, max(created_at) AS last_at "
                + "FROM " + Rollups.TAIL + " WHERE event_type IN (1, 3, 4) GROUP BY website_id, visit_id";
    }
}
