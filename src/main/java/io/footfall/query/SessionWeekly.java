package io.footfall.query;

import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/**
 * The hour-of-week heatmap: distinct sessions per local day of week (0 = Sunday) and hour (0–23) in
 * the request's time zone, as a 7 × 24 matrix with zeros where nothing happened.
 */
public final class SessionWeekly {
    private SessionWeekly() {
    }

    public static long[][] run(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        SqlText local = scope.localTime("e.created_at", scope.params().zone());
        SqlText sql = HourlySeries.hourAligned(scope.params()) ? fromRollup(store, scope) : new SqlText().add("SELECT " + d.dayOfWeek("t.local_at") + " AS dow, " + d.hourOfDay("t.local_at")
                        + " AS hr, count(DISTINCT t.session_id) FROM (SELECT ")
                .addAll(local).add(" AS local_at, e.session_id FROM event e")
                .addAll(scope.where(SessionList.ACTIVITY))
                .add(") t GROUP BY 1, 2");
        long[][] matrix = new long[7][24];
        store.read(c -> sql.list(c, rs -> {
            matrix[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
            return null;
        }));
        return matrix;
    }

    /**
     * The same from the hourly rollup, counting rows where it can. Within a stretch of constant offset, a
     * local (day, hour) cell is one hour of the UTC week, so a session-hour counts for its cell when the
     * session's previous hour in the same UTC week-hour (prev_slot) lies before the range. That holds for
     * sessions whose activity stays within one such stretch; the others (active across a DST change in
     * the range), those active in the partial hours at either end, and those with pending events give
     * (cell, session) pairs (session-hours, plus events for the partial hours and the pending part) that
     * are counted distinct. The two groups of sessions are disjoint, so the sums are exact.
     */
    private static SqlText fromRollup(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        QueryParams p = scope.params();
        java.time.Instant[] h = HourlySeries.wholeHours(p);
        boolean pending = HourlySeries.pending(store, scope);
        SqlText local = scope.localTime("e.created_at", p.zone());
        String activity = " FROM event e WHERE e.website_id = ? AND " + SessionList.ACTIVITY;

        // D: sessions taken pair by pair.
        SqlText distinctSessions = new SqlText().add("SELECT e.session_id" + activity + " AND e.created_at >= ? AND e.created_at < ?",
                        scope.websiteId(), p.startAt(), h[0])
                .add(" UNION ALL SELECT e.session_id" + activity + " AND e.created_at >= ? AND e.created_at <= ?", scope.websiteId(), h[1], p.endAt());
        var rules = p.zone().getRules();
        for (var t = rules.nextTransition(h[0]); t != null && t.getInstant().isBefore(h[1]); t = rules.nextTransition(t.getInstant())) {
            distinctSessions.add(" UNION ALL SELECT v.session_id FROM session_span v WHERE v.website_id = ? AND v.first_at < ? AND v.last_at >= ?",
                    scope.websiteId(), t.getInstant(), t.getInstant());
        }
        if (pending) distinctSessions.add(" UNION ALL SELECT e.session_id FROM event_tail e WHERE e.website_id = ?", scope.websiteId());

        SqlText sql = new SqlText().add("WITH m AS MATERIALIZED (SELECT g.h, " + d.dayOfWeek("g.l") + " AS dow, " + d.hourOfDay("g.l")
                        + " AS hr FROM (SELECT g.h, ").addAll(scope.localTime("g.h", p.zone()))
                .add(" AS l FROM generate_series(?::TIMESTAMP, ?::TIMESTAMP, INTERVAL 1 HOUR) g(h)) g), ", h[0], h[1].minus(java.time.Duration.ofHours(1)))
                .add("dset AS MATERIALIZED (").addAll(distinctSessions).add("), ")
                // D's session-hours, before joining m: joined after, the engine builds its hash table on every row.
                .add("drows AS MATERIALIZED (SELECT s.hour, s.session_id, s.prev_slot FROM session_hour s WHERE s.website_id = ? "
                        + "AND s.hour >= ? AND s.hour < ? AND s.session_id IN (SELECT session_id FROM dset)) ", scope.websiteId(), h[0], h[1])
                // Every row by the prev_slot rule; the sessions of D then give back what that counted for them
                // (r) and count their cells distinct instead. Subtracting costs less than excluding D row by row.
                // (Counted per hour first: joining 2,160 hours to m costs far less than joining every row.)
                .add("SELECT dow, hr, sum(n)::BIGINT FROM (SELECT m.dow, m.hr, sum(c.n) AS n FROM (SELECT s.hour, count(*) AS n "
                        + "FROM session_hour s WHERE s.website_id = ? AND s.hour >= ? AND s.hour < ? AND (s.prev_slot IS NULL OR s.prev_slot < ?) "
                        + "GROUP BY 1) c JOIN m ON m.h = c.hour GROUP BY 1, 2", scope.websiteId(), h[0], h[1], h[0])
                .add(" UNION ALL SELECT t.dow, t.hr, count(DISTINCT t.session_id) - sum(t.r) FROM (SELECT m.dow, m.hr, s.session_id, "
                        + "CASE WHEN s.prev_slot IS NULL OR s.prev_slot < ? THEN 1 ELSE 0 END AS r FROM drows s JOIN m ON m.h = s.hour", h[0]);
        String head = " UNION ALL SELECT " + d.dayOfWeek("e.l") + ", " + d.hourOfDay("e.l") + ", e.session_id, 0 FROM (SELECT ";
        sql.add(head).addAll(local).add(" AS l, e.session_id" + activity + " AND e.created_at >= ? AND e.created_at < ?) e",
                scope.websiteId(), p.startAt(), h[0]);
        sql.add(head).addAll(local).add(" AS l, e.session_id" + activity + " AND e.created_at >= ? AND e.created_at <= ?) e",
                scope.websiteId(), h[1], p.endAt());
        if (pending) {
            sql.add(head).addAll(local).add(" AS l, e.session_id FROM event_tail e WHERE e.website_id = ? AND " + SessionList.ACTIVITY
                    + " AND e.created_at >= ? AND e.created_at < ?) e", scope.websiteId(), h[0], h[1]);
        }
        return sql.add(") t GROUP BY 1, 2) u GROUP BY 1, 2");
    }
}
