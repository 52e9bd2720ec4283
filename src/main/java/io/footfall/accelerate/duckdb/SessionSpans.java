package io.footfall.accelerate.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The per-session rollup (V3: {@code session_span}), folded from the event tail. Exactness rules: visits
 * are counted along time order (a fold continuing the stored last visit adds none); a visit that comes
 * back after another one, rows that arrive before the stored last activity, or rows that disagree on an
 * attribute (the distinct id included, so a session identified midway is mixed) mark the session mixed,
 * and readers take it from the event table.
 */
final class SessionSpans {
    /** Every attribute that must agree over a session's rows for the rollup to answer filters on it. */
    private static final String[] ATTRIBUTES = {"hostname", "browser", "os", "device", "screen", "language", "country", "region", "city",
            "distinct_id"};

    /** The per-session aggregate of a set of event rows ({@code FROM} part given), as the table's columns. */
    private static String aggregate(String from) {
        return "SELECT website_id, session_id, min(created_at) AS first_at, max(created_at) AS last_at, "
                + "min(created_at) FILTER (WHERE event_type IN (1, 3, 4)) AS first_view_at, "
                + "max(created_at) FILTER (WHERE event_type IN (1, 3, 4)) AS last_view_at, count(*) AS activity, "
                + "count(*) FILTER (WHERE event_type IN (1, 3, 4)) AS views, count(*) FILTER (WHERE event_type = 1) AS pageviews, "
                + "count(*) FILTER (WHERE event_type = 2) AS events, count(DISTINCT visit_id) AS visits, "
                + "arg_min(visit_id, created_at) AS first_visit_id, arg_max(visit_id, created_at) AS last_visit_id, " + anyValues()
                + ", count(DISTINCT " + tuple() + ") > 1 OR count(*) FILTER (WHERE visit_changed) > count(DISTINCT visit_id) AS mixed "
                + "FROM (SELECT *, visit_id IS DISTINCT FROM lag(visit_id) OVER (PARTITION BY website_id, session_id ORDER BY created_at) "
                + "AS visit_changed FROM " + from + ") t GROUP BY website_id, session_id";
    }

    /** Rebuilds rows from the folded events of the sessions {@code sessions} names. */
    static String rebuild(Narrowing sessions) {
        return "INSERT INTO session_span SELECT website_id, session_id, first_at, last_at, first_view_at, last_view_at, "
                + "activity, views, pageviews, events, visits, last_visit_id" + columns("") + ", mixed FROM ("
                + aggregate("event WHERE event_type <> 5 AND " + Rollups.FOLDED + sessions.and("session_id")) + ") a ORDER BY first_at";
    }

    private SessionSpans() {
    }

    /** Merges the pending events into session_span. */
    static void fold(Connection c) throws SQLException {
        StringBuilder differs = new StringBuilder();
        for (String col : ATTRIBUTES) differs.append(" OR s.").append(col).append(" IS DISTINCT FROM d.").append(col);
        try (Statement st = c.createStatement()) {
            // Materialized: a semi-join on a view of unknown size makes the engine hash the whole rollup instead.
            st.execute("CREATE OR REPLACE TEMP TABLE touched_sessions AS SELECT DISTINCT session_id FROM " + Rollups.TAIL
                    + " WHERE event_type <> 5");
            RollupTotals.bracket(st, RollupTotals.SESSION_DAYS, "s.session_id IN (SELECT session_id FROM touched_sessions)", () -> st.execute(
                    "MERGE INTO session_span s USING (" + aggregate(Rollups.TAIL + " WHERE event_type <> 5") + ") d "
                    + "ON s.website_id = d.website_id AND s.session_id = d.session_id "
                    + "WHEN MATCHED THEN UPDATE SET first_at = least(s.first_at, d.first_at), last_at = greatest(s.last_at, d.last_at), "
                    + "first_view_at = least(s.first_view_at, d.first_view_at), last_view_at = greatest(s.last_view_at, d.last_view_at), "
                    + "activity = s.activity + d.activity, views = s.views + d.views, pageviews = s.pageviews + d.pageviews, "
                    + "events = s.events + d.events, "
                    + "visits = s.visits + d.visits - CASE WHEN d.first_visit_id = s.last_visit_id THEN 1 ELSE 0 END, "
                    + "last_visit_id = CASE WHEN d.last_at >= s.last_at THEN d.last_visit_id ELSE s.last_visit_id END, "
                    + "mixed = s.mixed OR d.mixed OR d.first_at < s.last_at" + differs + " "
                    + "WHEN NOT MATCHED THEN INSERT VALUES (d.website_id, d.session_id, d.first_at, d.last_at, d.first_view_at, d.last_view_at, "
                    + "d.activity, d.views, d.pageviews, d.events, d.visits, d.last_visit_id" + columns("d.") + ", d.mixed)"));
            SessionDataSpans.followFold(st);
            st.execute("DROP TABLE touched_sessions");
        }
    }

    /** Pending sessions for readers: those with unfolded activity, with its span. */
    static String pendingView() {
        return "SELECT website_id, session_id, min(created_at) AS first_at, max(created_at) AS last_at FROM " + Rollups.TAIL
                + " WHERE event_type <> 5 GROUP BY website_id, session_id";
    }

    private static String columns(String alias) {
        StringBuilder s = new StringBuilder();
        for (String col : ATTRIBUTES) s.append(", ").append(alias).append(col);
        return s.toString();
    }

    private static String anyValues() {
        StringBuilder s = new StringBuilder();
        for (String col : ATTRIBUTES) s.append(s.isEmpty() ? "" : ", ").append("any_value(").append(col).append(") AS ").append(col);
        return s.toString();
    }

    private static String tuple() {
        StringBuilder s = new StringBuilder("concat_ws(chr(1)");
        for (String col : ATTRIBUTES) s.append(", coalesce(").append(col).append(", chr(2))");
        return s.append(")").toString();
    }
}
