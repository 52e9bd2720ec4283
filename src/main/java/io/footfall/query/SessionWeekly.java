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
     * The same from the hourly rollup: each whole UTC hour of a session lies in one local (day, hour) cell
     * (the zone's offsets are whole hours), so the distinct count runs over (cell, session) pairs of
     * session-hours instead of events; partial hours at the ends and sessions with pending rows add their
     * pairs from events.
     */
    private static SqlText fromRollup(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        QueryParams p = scope.params();
        java.time.Instant[] h = HourlySeries.wholeHours(p);
        boolean pending = HourlySeries.pending(store, scope);
        String pendingSessions = "SELECT p.session_id FROM session_hour_pending p WHERE p.website_id = ?";
        SqlText sql = new SqlText().add("WITH m AS MATERIALIZED (SELECT g.h, " + d.dayOfWeek("g.l") + " AS dow, " + d.hourOfDay("g.l")
                        + " AS hr FROM (SELECT g.h, ").addAll(scope.localTime("g.h", p.zone()))
                .add(" AS l FROM generate_series(?::TIMESTAMP, ?::TIMESTAMP, INTERVAL 1 HOUR) g(h)) g) ", h[0], h[1].minus(java.time.Duration.ofHours(1)))
                .add("SELECT t.dow, t.hr, count(DISTINCT t.session_id) FROM (SELECT m.dow, m.hr, s.session_id FROM session_hour s "
                        + "JOIN m ON m.h = s.hour WHERE s.website_id = ? AND s.hour >= ? AND s.hour < ?", scope.websiteId(), h[0], h[1]);
        if (pending) sql.add(" AND s.session_id NOT IN (" + pendingSessions + ")", scope.websiteId());
        SqlText local = scope.localTime("e.created_at", p.zone());
        String head = " UNION ALL SELECT " + d.dayOfWeek("e.l") + ", " + d.hourOfDay("e.l") + ", e.session_id FROM (SELECT ";
        String from = " AS l, e.session_id FROM event e WHERE e.website_id = ? AND " + SessionList.ACTIVITY;
        sql.add(head).addAll(local).add(from + " AND e.created_at >= ? AND e.created_at < ?) e", scope.websiteId(), p.startAt(), h[0]);
        sql.add(head).addAll(local).add(from + " AND e.created_at >= ? AND e.created_at <= ?) e", scope.websiteId(), h[1], p.endAt());
        if (pending) {
            sql.add(head).addAll(local).add(from + " AND e.created_at >= ? AND e.created_at < ? AND e.session_id IN (" + pendingSessions + ")) e",
                    scope.websiteId(), h[0], h[1], scope.websiteId());
        }
        return sql.add(") t GROUP BY 1, 2");
    }
}
