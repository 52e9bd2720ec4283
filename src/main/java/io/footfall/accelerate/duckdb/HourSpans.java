package io.footfall.accelerate.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The per-session hourly rollup (V5: {@code session_hour}), folded from the event tail: views and activity
 * are added up per (session, UTC hour), then the links between a session's hours ({@link #linked}) are recomputed for the
 * sessions the fold touched, so a late hour arriving between two stored ones keeps them right.
 */
final class HourSpans {
    private HourSpans() {
    }

    /** The hour of the UTC week (0 = Monday 00:00 UTC) of an hour column: the weekly heatmap's slot. */
    private static String slot(String hour) {
        return "date_diff('hour', TIMESTAMP '1970-01-05', " + hour + ") % 168";
    }

    /**
     * The rows {@code rows} selects (website_id, session_id, hour, views, activity) in session_hour's column
     * order, linked within their sessions among the rows with views (the weekly heatmap counts pageviews only,
     * as Umami; V21): prev_hour (the previous hour with views), prev_slot (the previous hour with views in the
     * same slot) and first_above / first_below (the session's first hour with views in the slot one above /
     * below, when that is earlier than the row: what a DST change maps to the row's local cell); NULL on rows
     * without views; and over every row (V37, the retention report) prev_active (the previous hour with activity) and
     * first_hour (the session's first hour). All but first_hour look back only, so rows arriving in time order never
     * change the ones before them; a late first hour changes first_hour on every row of its session (relinked anyway).
     */
    private static String linked(String rows) {
        return "WITH r AS (SELECT *, " + slot("hour") + " AS slot FROM (" + rows + ")), "
                + "f AS (SELECT website_id, session_id, slot, min(hour) AS first FROM r WHERE views > 0 GROUP BY ALL) "
                + "SELECT r.website_id, r.session_id, r.hour, CASE WHEN r.views > 0 THEN lag(r.hour) OVER (PARTITION BY r.website_id, "
                + "r.session_id, r.views > 0 ORDER BY r.hour) END AS prev_hour, CASE WHEN r.views > 0 THEN lag(r.hour) OVER (PARTITION BY "
                + "r.website_id, r.session_id, r.slot, r.views > 0 ORDER BY r.hour) END AS prev_slot, r.views, r.activity, "
                + "CASE WHEN r.views > 0 AND a.first < r.hour THEN a.first END AS first_above, "
                + "CASE WHEN r.views > 0 AND b.first < r.hour THEN b.first END AS first_below, "
                + "lag(r.hour) OVER (PARTITION BY r.website_id, r.session_id ORDER BY r.hour) AS prev_active, "
                + "min(r.hour) OVER (PARTITION BY r.website_id, r.session_id) AS first_hour FROM r "
                + "LEFT JOIN f a ON a.website_id = r.website_id AND a.session_id = r.session_id AND a.slot = (r.slot + 1) % 168 "
                + "LEFT JOIN f b ON b.website_id = r.website_id AND b.session_id = r.session_id AND b.slot = (r.slot + 167) % 168";
    }

    /** Views and activity per (session, UTC hour) of the event rows {@code source} gives (FROM ... WHERE). */
    private static String perHour(String source) {
        return "SELECT website_id, session_id, date_trunc('hour', created_at) AS hour, "
                + "count(*) FILTER (WHERE event_type IN (1, 3, 4)) AS views, count(*) AS activity FROM " + source
                + " GROUP BY website_id, session_id, date_trunc('hour', created_at)";
    }

    /** Rebuild from the folded events of the sessions {@code sessions} names. */
    static String rebuild(Narrowing sessions) {
        return "INSERT INTO session_hour " + linked(perHour("event WHERE event_type <> 5 AND " + Rollups.FOLDED + sessions.and("session_id")))
                + " ORDER BY r.hour";
    }

    /** Pending (session, hour) rows for readers: activity not folded yet. */
    static String pendingView() {
        return perHour(Rollups.TAIL + " WHERE event_type <> 5");
    }

    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE hour_delta AS SELECT * FROM session_hour_pending");
            String touched = "s.session_id IN (SELECT session_id FROM hour_delta)";
            RollupTotals.bracket(st, RollupTotals.HOUR_GAPS, touched, () -> RollupTotals.bracket(st, RollupTotals.SLOT_GAPS, touched, () -> {
                st.execute("MERGE INTO session_hour s USING hour_delta d "
                        + "ON s.website_id = d.website_id AND s.session_id = d.session_id AND s.hour = d.hour "
                        + "WHEN MATCHED THEN UPDATE SET views = s.views + d.views, activity = s.activity + d.activity "
                        + "WHEN NOT MATCHED THEN INSERT VALUES (d.website_id, d.session_id, d.hour, NULL, NULL, d.views, d.activity, NULL, NULL, NULL, NULL)");
                relink(st, "SELECT DISTINCT session_id FROM hour_delta");
            }));
            st.execute("DROP TABLE hour_delta");
        }
    }

    /** Recomputes the links ({@link #linked}) of the sessions the sub-query names. */
    static void relink(Statement st, String sessions) throws SQLException {
        st.execute("UPDATE session_hour s SET prev_hour = x.prev_hour, prev_slot = x.prev_slot, first_above = x.first_above, "
                + "first_below = x.first_below, prev_active = x.prev_active, first_hour = x.first_hour FROM (" + linked("SELECT website_id, session_id, hour, views, activity FROM session_hour "
                + "WHERE session_id IN (" + sessions + ")") + ") x WHERE s.website_id = x.website_id AND s.session_id = x.session_id "
                + "AND s.hour = x.hour AND (s.prev_hour IS DISTINCT FROM x.prev_hour OR s.prev_slot IS DISTINCT FROM x.prev_slot "
                + "OR s.first_above IS DISTINCT FROM x.first_above OR s.first_below IS DISTINCT FROM x.first_below "
                + "OR s.prev_active IS DISTINCT FROM x.prev_active OR s.first_hour IS DISTINCT FROM x.first_hour)");
    }
}
