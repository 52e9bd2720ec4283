package io.footfall.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The per-session hourly rollup (V5: {@code session_hour}), folded from the event tail: views and activity
 * are added up per (session, UTC hour), then prev_hour (over the hours with views) is recomputed for the sessions the fold touched, so a late hour
 * arriving between two stored ones keeps the chain right.
 */
final class HourSpans {
    private HourSpans() {
    }

    /** The previous hour with views, for rows with views (over alias-free columns website_id, session_id, hour, views). */
    private static final String PREVIOUS_VIEW_HOUR = "CASE WHEN views > 0 THEN lag(hour) OVER (PARTITION BY website_id, session_id, "
            + "views > 0 ORDER BY hour) END";

    /** The previous hour with activity in the same hour of the UTC week (weekly heatmap cells). */
    private static final String PREVIOUS_SLOT_HOUR = "lag(hour) OVER (PARTITION BY website_id, session_id, "
            + "date_diff('hour', TIMESTAMP '1970-01-05', hour) % 168 ORDER BY hour)";

    /** Views and activity per (session, UTC hour) of the event rows {@code source} gives (FROM ... WHERE). */
    private static String perHour(String source) {
        return "SELECT website_id, session_id, date_trunc('hour', created_at) AS hour, "
                + "count(*) FILTER (WHERE event_type IN (1, 3, 4)) AS views, count(*) AS activity FROM " + source
                + " GROUP BY website_id, session_id, date_trunc('hour', created_at)";
    }

    /** Rebuild from the folded events; {@code /*AND*}{@code /} is where a caller narrows to some sessions. */
    static final String REBUILD = "INSERT INTO session_hour SELECT website_id, session_id, hour, " + PREVIOUS_VIEW_HOUR
            + ", " + PREVIOUS_SLOT_HOUR + ", views, activity FROM (" + perHour("event WHERE event_type <> 5 AND " + Rollups.FOLDED + " /*AND*/") + ") h ORDER BY hour";

    /** Pending (session, hour) rows for readers: activity not folded yet. */
    static String pendingView() {
        return perHour(Rollups.TAIL + " WHERE event_type <> 5");
    }

    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE hour_delta AS SELECT * FROM session_hour_pending");
            RollupTotals.bracket(st, RollupTotals.HOUR_GAPS, "s.session_id IN (SELECT session_id FROM hour_delta)", () -> {
                st.execute("MERGE INTO session_hour s USING hour_delta d "
                        + "ON s.website_id = d.website_id AND s.session_id = d.session_id AND s.hour = d.hour "
                        + "WHEN MATCHED THEN UPDATE SET views = s.views + d.views, activity = s.activity + d.activity "
                        + "WHEN NOT MATCHED THEN INSERT VALUES (d.website_id, d.session_id, d.hour, NULL, NULL, d.views, d.activity)");
                relink(st, "SELECT DISTINCT session_id FROM hour_delta");
            });
            st.execute("DROP TABLE hour_delta");
        }
    }

    /** Recomputes prev_hour and prev_slot for the sessions the sub-query names. */
    static void relink(Statement st, String sessions) throws SQLException {
        st.execute("UPDATE session_hour s SET prev_hour = x.prev, prev_slot = x.slot FROM (SELECT website_id, session_id, hour, "
                + PREVIOUS_VIEW_HOUR + " AS prev, " + PREVIOUS_SLOT_HOUR + " AS slot FROM session_hour WHERE session_id IN (" + sessions + ")) x "
                + "WHERE s.website_id = x.website_id AND s.session_id = x.session_id AND s.hour = x.hour "
                + "AND (s.prev_hour IS DISTINCT FROM x.prev OR s.prev_slot IS DISTINCT FROM x.slot)");
    }
}
