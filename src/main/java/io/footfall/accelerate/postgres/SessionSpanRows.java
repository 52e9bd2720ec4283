package io.footfall.accelerate.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-session first/last rows ({@code session_activity_span}, every event but web vitals; {@code session_view_span} has
 * its attributes too since V13 and its own writer, {@link SessionViewRows}): a batch's sessions widened here, then one
 * upsert that widens a row already there.
 */
final class SessionSpanRows {

    private SessionSpanRows() {
    }

    /** Widens {@code key}'s span (microseconds, first and last) to include {@code micros}. */
    static void widen(Map<SpanRows.Key, long[]> spans, SpanRows.Key key, long micros) {
        long[] span = spans.computeIfAbsent(key, k -> new long[]{micros, micros});
        span[0] = Math.min(span[0], micros);
        span[1] = Math.max(span[1], micros);
    }

    /** Upserts the spans into {@code table} (a constant table name with website_id, session_id, first_at, last_at). */
    static void write(Connection c, String table, Map<SpanRows.Key, long[]> spans) throws SQLException {
        if (spans.isEmpty()) return;
        String sql = "INSERT INTO " + table + " (website_id, session_id, first_at, last_at) "
                + "SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::timestamp[], ?::timestamp[]) "
                + "ON CONFLICT (website_id, session_id) DO UPDATE SET first_at = least(" + table + ".first_at, excluded.first_at), "
                + "last_at = greatest(" + table + ".last_at, excluded.last_at)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<Object> websites = new ArrayList<>(), ids = new ArrayList<>(), firsts = new ArrayList<>(), lasts = new ArrayList<>();
            spans.forEach((k, s) -> {
                websites.add(k.website());
                ids.add(k.id());
                firsts.add(SpanRows.timestamp(s[0]));
                lasts.add(SpanRows.timestamp(s[1]));
            });
            SpanRows.bind(c, ps, websites, "uuid", ids, "uuid", firsts, "text", lasts, "text");
            ps.executeUpdate();
        }
    }
}
