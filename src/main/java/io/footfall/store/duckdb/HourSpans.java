package io.footfall.store.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the per-session hourly rollup (V5: {@code session_hour}): per batch one pending row per
 * (session, UTC hour) with its views; a fold adds them up and recomputes prev_hour for the sessions it
 * touched, so a late hour arriving between two stored ones keeps the chain right.
 */
final class HourSpans {
    private HourSpans() {
    }

    /** Rebuild from the event table; {@code /*AND*}{@code /} is where a caller narrows to some sessions. */
    static final String REBUILD = "INSERT INTO session_hour SELECT website_id, session_id, hour, "
            + "lag(hour) OVER (PARTITION BY website_id, session_id ORDER BY hour), views FROM (SELECT website_id, session_id, "
            + "date_trunc('hour', created_at) AS hour, count(*) AS views FROM event WHERE event_type IN (1, 3, 4) /*AND*/ "
            + "GROUP BY website_id, session_id, date_trunc('hour', created_at)) h ORDER BY hour";

    static int append(DuckDBConnection conn, List<CollectedHit> hits) throws SQLException {
        Map<List<Object>, int[]> views = new LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (e == null || !(e.eventType() == 1 || e.eventType() == 3 || e.eventType() == 4)) continue;
            Instant hour = e.createdAt().truncatedTo(ChronoUnit.HOURS);
            views.computeIfAbsent(Arrays.asList(e.websiteId(), e.sessionId(), hour), k -> new int[1])[0]++;
        }
        if (views.isEmpty()) return 0;
        try (DuckDBAppender a = conn.createAppender("main", "session_hour_pending")) {
            for (var entry : views.entrySet()) {
                a.beginRow();
                a.append((UUID) entry.getKey().get(0));
                a.append((UUID) entry.getKey().get(1));
                a.appendEpochMicros(((Instant) entry.getKey().get(2)).getEpochSecond() * 1_000_000L);
                a.append(entry.getValue()[0]);
                a.endRow();
            }
            a.flush();
        }
        return views.size();
    }

    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("MERGE INTO session_hour s USING (SELECT website_id, session_id, hour, sum(views)::INTEGER AS views "
                    + "FROM session_hour_pending GROUP BY website_id, session_id, hour) d "
                    + "ON s.website_id = d.website_id AND s.session_id = d.session_id AND s.hour = d.hour "
                    + "WHEN MATCHED THEN UPDATE SET views = s.views + d.views "
                    + "WHEN NOT MATCHED THEN INSERT VALUES (d.website_id, d.session_id, d.hour, NULL, d.views)");
            relink(st, "SELECT DISTINCT session_id FROM session_hour_pending");
            st.execute("DELETE FROM session_hour_pending");
        }
    }

    /** Recomputes prev_hour for the sessions the sub-query names. */
    static void relink(Statement st, String sessions) throws SQLException {
        st.execute("UPDATE session_hour s SET prev_hour = x.prev FROM (SELECT h.website_id, h.session_id, h.hour, "
                + "lag(h.hour) OVER (PARTITION BY h.website_id, h.session_id ORDER BY h.hour) AS prev FROM session_hour h "
                + "WHERE h.session_id IN (" + sessions + ")) x "
                + "WHERE s.website_id = x.website_id AND s.session_id = x.session_id AND s.hour = x.hour "
                + "AND s.prev_hour IS DISTINCT FROM x.prev");
    }

    /** Fills the rollup from existing events when it is empty but views exist (first start after V5). */
    static void fillIfNew(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT (SELECT count(*) FROM session_hour) = 0 AND EXISTS (SELECT 1 FROM event WHERE event_type IN (1, 3, 4))")) {
            rs.next();
            if (!rs.getBoolean(1)) return;
        }
        try (Statement st = c.createStatement()) {
            st.execute(REBUILD.replace("/*AND*/", ""));
        }
    }
}
