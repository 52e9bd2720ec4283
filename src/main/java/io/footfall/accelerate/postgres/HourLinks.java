package io.footfall.accelerate.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code session_hour_view.prev_hour} (V14) for a batch's session-hours: the session's previous hour with views. Hours after
 * the session's last view so far (the usual case: a new session, or one going on) link to that last view's hour or to the
 * batch's previous hour of the session; a session with a late hit before its last view has its links computed again from
 * its events after the upsert ({@link #relink}).
 */
final class HourLinks {
    private static final long HOUR_MICROS = 3_600_000_000L;

    private final Map<SpanRows.HourKey, Long> previous;
    private final Set<SpanRows.Key> late;

    private HourLinks(Map<SpanRows.HourKey, Long> previous, Set<SpanRows.Key> late) {
        this.previous = previous;
        this.late = late;
    }

    /** Reads the batch's sessions' last views so far (call before session_view_span takes the batch). */
    static HourLinks of(Connection c, Set<SpanRows.HourKey> keys) throws SQLException {
        Map<SpanRows.Key, TreeSet<Long>> hours = new HashMap<>();
        for (SpanRows.HourKey k : keys) hours.computeIfAbsent(new SpanRows.Key(k.website(), k.session()), s -> new TreeSet<>()).add(k.hour());
        Map<SpanRows.Key, Long> lastHour = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.w, k.id, v.last_at FROM unnest(?::uuid[], ?::uuid[]) AS k(w, id) "
                + "JOIN session_view_span v ON v.website_id = k.w AND v.session_id = k.id")) {
            ps.setArray(1, c.createArrayOf("uuid", hours.keySet().stream().map(SpanRows.Key::website).toArray()));
            ps.setArray(2, c.createArrayOf("uuid", hours.keySet().stream().map(SpanRows.Key::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime last = rs.getObject(3, LocalDateTime.class);
                    long micros = last.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + last.getNano() / 1_000;
                    lastHour.put(new SpanRows.Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                            Math.floorDiv(micros, HOUR_MICROS) * HOUR_MICROS);
                }
            }
        }
        Map<SpanRows.HourKey, Long> previous = new HashMap<>();
        Set<SpanRows.Key> late = new LinkedHashSet<>();
        hours.forEach((session, batch) -> {
            Long prev = lastHour.get(session);
            if (prev != null && batch.first() < prev) {
                late.add(session);
                return;
            }
            // An hour equal to the last view's is a row already there, which keeps its link.
            for (long h : batch) {
                if (prev == null || h != prev) previous.put(new SpanRows.HourKey(session.website(), h, session.id()), prev);
                prev = h;
            }
        });
        return new HourLinks(previous, late);
    }

    /** The previous hour (microseconds) of a batch's new session-hour; null for a session's first, or one {@link #late}. */
    Long previous(SpanRows.HourKey key) {
        return previous.get(key);
    }

    /** Sessions with a hit before their last view so far: relinked after the upsert. */
    Set<SpanRows.Key> late() {
        return late;
    }

    /**
     * Sets the links of these sessions' rows from their events' view hours, leaving out the events with {@code excluded}
     * ids when given (about to be deleted by a re-ship).
     */
    static void relink(Connection c, Set<SpanRows.Key> sessions, Array excluded) throws SQLException {
        if (sessions.isEmpty()) return;
        String sql = "UPDATE session_hour_view r SET prev_hour = x.prev FROM (SELECT website_id, session_id, hour, "
                + "lag(hour) OVER (PARTITION BY website_id, session_id ORDER BY hour) AS prev FROM (SELECT DISTINCT e.website_id, "
                + "e.session_id, date_trunc('hour', e.created_at) AS hour FROM unnest(?::uuid[], ?::uuid[]) AS k(w, id) "
                + "JOIN event e ON e.website_id = k.w AND e.session_id = k.id WHERE e.event_type IN (1, 3, 4)"
                + (excluded == null ? "" : " AND e.event_id <> ALL (?)") + ") h) x "
                + "WHERE r.website_id = x.website_id AND r.hour = x.hour AND r.session_id = x.session_id "
                + "AND r.prev_hour IS DISTINCT FROM x.prev";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", sessions.stream().map(SpanRows.Key::website).toArray()));
            ps.setArray(2, c.createArrayOf("uuid", sessions.stream().map(SpanRows.Key::id).toArray()));
            if (excluded != null) ps.setArray(3, excluded);
            ps.executeUpdate();
        }
    }
}
