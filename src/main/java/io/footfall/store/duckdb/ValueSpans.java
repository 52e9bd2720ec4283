package io.footfall.store.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.store.SessionValueKind;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the session-value rollup (V4: {@code session_value}): per appended batch one pending row per
 * (session, kind, value) with the first and last view carrying it, folded by one MERGE that widens the
 * stored span. Nothing here can become inexact: a span only grows, whatever order views arrive in.
 */
final class ValueSpans {
    private ValueSpans() {
    }

    private static boolean isView(Event e) {
        return e.eventType() == 1 || e.eventType() == 3 || e.eventType() == 4;
    }

    /** Appends the batch's pending rows; returns how many. */
    static int append(DuckDBConnection conn, List<CollectedHit> hits) throws SQLException {
        Map<List<Object>, Instant[]> spans = new LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (e == null || !isView(e)) continue;
            for (SessionValueKind k : SessionValueKind.values()) {
                if (!k.appliesTo(e)) continue;
                Instant[] span = spans.computeIfAbsent(Arrays.asList(e.websiteId(), e.sessionId(), k.code, k.valueOf(e)),
                        key -> new Instant[]{e.createdAt(), e.createdAt()});
                if (e.createdAt().isBefore(span[0])) span[0] = e.createdAt();
                if (e.createdAt().isAfter(span[1])) span[1] = e.createdAt();
            }
        }
        if (spans.isEmpty()) return 0;
        try (DuckDBAppender a = conn.createAppender("main", "session_value_pending")) {
            for (var entry : spans.entrySet()) {
                List<Object> key = entry.getKey();
                a.beginRow();
                a.append((UUID) key.get(0));
                a.append((UUID) key.get(1));
                a.append((byte) (int) (Integer) key.get(2));
                String value = (String) key.get(3);
                if (value == null) a.appendNull();
                else a.append(value);
                micros(a, entry.getValue()[0]);
                micros(a, entry.getValue()[1]);
                a.endRow();
            }
            a.flush();
        }
        return spans.size();
    }

    /** Merges the pending rows into session_value and empties session_value_pending. */
    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("MERGE INTO session_value s USING (SELECT website_id, session_id, kind, value, min(first_at) AS first_at, "
                    + "max(last_at) AS last_at FROM session_value_pending GROUP BY website_id, session_id, kind, value) d "
                    + "ON s.website_id = d.website_id AND s.session_id = d.session_id AND s.kind = d.kind "
                    + "AND s.value IS NOT DISTINCT FROM d.value "
                    + "WHEN MATCHED THEN UPDATE SET first_at = least(s.first_at, d.first_at), last_at = greatest(s.last_at, d.last_at) "
                    + "WHEN NOT MATCHED THEN INSERT VALUES (d.website_id, d.session_id, d.kind, d.value, d.first_at, d.last_at)");
            st.execute("DELETE FROM session_value_pending");
        }
    }

    /**
     * Rebuild statements from the event table, one per kind; {@code /*AND*}{@code /} is where a caller
     * narrows to some sessions.
     */
    static List<String> rebuild() {
        return Arrays.stream(SessionValueKind.values()).map(k -> "INSERT INTO session_value SELECT e.website_id, e.session_id, "
                + k.code + ", v, min(e.created_at), max(e.created_at) FROM (SELECT e.*, " + k.sql() + " AS v FROM event e "
                + "WHERE e.event_type IN (1, 3, 4) /*AND*/) e" + (k.skipsNull() ? " WHERE v IS NOT NULL" : "")
                + " GROUP BY e.website_id, e.session_id, v ORDER BY min(e.created_at)").toList();
    }

    /** Fills the rollup from existing events when it is empty but views exist (first start after V4). */
    static void fillIfNew(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT (SELECT count(*) FROM session_value) = 0 AND EXISTS (SELECT 1 FROM event WHERE event_type IN (1, 3, 4))")) {
            rs.next();
            if (!rs.getBoolean(1)) return;
        }
        try (Statement st = c.createStatement()) {
            for (String sql : rebuild()) st.execute(sql.replace("/*AND*/", ""));
        }
    }

    private static void micros(DuckDBAppender a, Instant t) throws SQLException {
        a.appendEpochMicros(t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000);
    }
}
