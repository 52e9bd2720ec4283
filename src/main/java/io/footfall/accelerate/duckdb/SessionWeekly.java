package io.footfall.accelerate.duckdb;

import io.footfall.query.QueryParams;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * The hour-of-week heatmap: distinct sessions per local day of week (0 = Sunday) and hour (0–23) in
 * the request's time zone, as a 7 × 24 matrix with zeros where nothing happened. A session is placed by its
 * pageviews only (as Umami: custom events and web-vitals rows place none); the hourly rollup's slot links join
 * rows with views only for this.
 */
public final class SessionWeekly {
    private SessionWeekly() {
    }

    public static long[][] run(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        SqlText local = scope.localTime("e.created_at", scope.params().zone());
        SqlText sql = HourlySeries.hourAligned(scope.params()) && changesOnTheHour(scope.params()) ? fromRollup(store, scope) : new SqlText().add("SELECT " + d.dayOfWeek("t.local_at") + " AS dow, " + d.hourOfDay("t.local_at")
                        + " AS hr, count(DISTINCT t.session_id) FROM (SELECT ")
                .addAll(local).add(" AS local_at, e.session_id FROM event e")
                .addAll(scope.where(EventScope.VIEWS))
                .add(") t GROUP BY 1, 2");
        long[][] matrix = new long[7][24];
        store.read(c -> sql.list(c, rs -> {
            matrix[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
            return null;
        }));
        return matrix;
    }

    /**
     * The same from the hourly rollup, counting rows where it can. The range's whole hours fall into stretches
     * of constant offset (split at the zone's changes), where a local cell is one slot (hour of the UTC week).
     * A session-hour counts for its cell when it is the session's first row there:
     * <ul>
     * <li>no earlier row in the same slot within its stretch: prev_slot before the stretch's start, summed per
     * hour from {@code hour_slot_gap};</li>
     * <li>and, in a stretch after a change of one hour, no row in the stretch before it in the slot that the
     * change maps to the same cell. For a session whose rows lie within these two stretches, that is its first
     * hour in that slot lying before the change (first_below / first_above), so those rows are subtracted.</li>
     * </ul>
     * Sessions the rule cannot place (rows in more than two stretches or before the range around a change,
     * a change of another size), those active in the partial hours at either end and those with pending
     * events are counted distinct from their (cell, session) pairs instead, after taking out what the rule
     * counted for them (their rows' weights).
     */
    private static SqlText fromRollup(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        QueryParams p = scope.params();
        Instant[] h = HourlySeries.wholeHours(p);
        boolean pending = HourlySeries.pending(store, scope);
        SqlText local = scope.localTime("e.created_at", p.zone());
        String viewRows = " FROM event e WHERE e.website_id = ? AND " + EventScope.VIEWS;
        List<ZoneOffsetTransition> changes = changes(p.zone(), h);
        Instant[] starts = new Instant[changes.size() + 1];
        starts[0] = h[0];
        for (int k = 0; k < changes.size(); k++) starts[k + 1] = changes.get(k).getInstant();

        // D: sessions taken pair by pair.
        SqlText distinctSessions = new SqlText().add("SELECT e.session_id" + viewRows + " AND e.created_at >= ? AND e.created_at < ?",
                        scope.websiteId(), p.startAt(), h[0])
                .add(" UNION ALL SELECT e.session_id" + viewRows + " AND e.created_at >= ? AND e.created_at <= ?", scope.websiteId(), h[1], p.endAt());
        for (int k = 1; k < starts.length; k++) {
            Instant before = earlierSlot(changes.get(k - 1)) == null ? starts[k] : starts[k - 1];
            distinctSessions.add(" UNION ALL SELECT v.session_id FROM session_span v WHERE v.website_id = ? AND v.first_at < ? AND v.last_at >= ?",
                    scope.websiteId(), before, starts[k]);
        }
        if (pending) distinctSessions.add(" UNION ALL SELECT e.session_id FROM event_tail e WHERE e.website_id = ?", scope.websiteId());

        SqlText sql = new SqlText().add("WITH m AS " + d.materialized() + "(SELECT g.h, " + d.dayOfWeek("g.l") + " AS dow, " + d.hourOfDay("g.l")
                        + " AS hr FROM (SELECT g.h, ").addAll(scope.localTime("g.h", p.zone()))
                .add(" AS l FROM " + d.hourSeries("g", "h") + ") g), ", h[0], h[1].minus(Duration.ofHours(1)))
                // Distinct: the set is hashed for the semi-join below, once per session.
                .add("dset AS " + d.materialized() + "(SELECT DISTINCT d.session_id FROM (").addAll(distinctSessions).add(") d), ")
                // D's session-hours, before joining m: joined after, the engine builds its hash table on every row.
                .add("drows AS " + d.materialized() + "(SELECT s.hour, s.session_id, ").addAll(weight(starts, h[1], changes))
                .add(" AS w FROM session_hour s WHERE s.website_id = ? AND s.hour >= ? AND s.hour < ? AND s.views > 0 "
                        + "AND s.session_id IN (SELECT session_id FROM dset)) ",
                        scope.websiteId(), h[0], h[1])
                // Every row by the rule, per hour (joining 2,160 hours to m costs far less than joining every row).
                .add("SELECT dow, hr, sum(n)::BIGINT FROM (SELECT m.dow, m.hr, sum(c.n) AS n FROM (SELECT g.hour, sum(g.rows) AS n FROM hour_slot_gap g "
                        + "WHERE g.website_id = ? AND g.hour >= ? AND g.hour < ? AND (g.weeks = 0 OR " + d.plusHours("g.hour", "-168 * g.weeks") + " < ",
                        scope.websiteId(), h[0], h[1])
                .addAll(startOf("g.hour", starts)).add(") GROUP BY 1");
        for (int k = 1; k < starts.length; k++) {
            String column = earlierSlot(changes.get(k - 1));
            if (column == null) continue;
            sql.add(" UNION ALL SELECT s.hour, -count(*) FROM session_hour s WHERE s.website_id = ? AND s.hour >= ? AND s.hour < ? AND s.views > 0 AND s." + column
                            + " < ? AND (s.prev_slot IS NULL OR s.prev_slot < ?) GROUP BY 1",
                    scope.websiteId(), starts[k], stretchEnd(starts, k, h[1]), starts[k], starts[k]);
        }
        sql.add(") c JOIN m ON m.h = c.hour GROUP BY 1, 2")
                .add(" UNION ALL SELECT t.dow, t.hr, count(DISTINCT t.session_id) - sum(t.w) FROM (SELECT m.dow, m.hr, s.session_id, s.w "
                        + "FROM drows s JOIN m ON m.h = s.hour");
        String head = " UNION ALL SELECT " + d.dayOfWeek("e.l") + ", " + d.hourOfDay("e.l") + ", e.session_id, 0 FROM (SELECT ";
        sql.add(head).addAll(local).add(" AS l, e.session_id" + viewRows + " AND e.created_at >= ? AND e.created_at < ?) e",
                scope.websiteId(), p.startAt(), h[0]);
        sql.add(head).addAll(local).add(" AS l, e.session_id" + viewRows + " AND e.created_at >= ? AND e.created_at <= ?) e",
                scope.websiteId(), h[1], p.endAt());
        if (pending) {
            sql.add(head).addAll(local).add(" AS l, e.session_id FROM event_tail e WHERE e.website_id = ? AND " + EventScope.VIEWS
                    + " AND e.created_at >= ? AND e.created_at < ?) e", scope.websiteId(), h[0], h[1]);
        }
        return sql.add(") t GROUP BY 1, 2) u GROUP BY 1, 2");
    }

    /** The zone's offset changes strictly inside the whole hours [h0, h1). */
    private static List<ZoneOffsetTransition> changes(ZoneId zone, Instant[] h) {
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        var rules = zone.getRules();
        for (var t = rules.nextTransition(h[0]); t != null && t.getInstant().isBefore(h[1]); t = rules.nextTransition(t.getInstant())) {
            changes.add(t);
        }
        return changes;
    }

    /** True when every change inside the range falls on a UTC hour, so each whole hour has one offset. */
    private static boolean changesOnTheHour(QueryParams p) {
        for (ZoneOffsetTransition t : changes(p.zone(), HourlySeries.wholeHours(p))) {
            if (t.getInstant().getEpochSecond() % 3600 != 0) return false;
        }
        return true;
    }

    /**
     * The column holding a session's first hour in the slot that, before a change, was a row's cell: a change of +1 h
     * (clocks forward) moves cell L from slot L - 1 h before it to L - 2 h after, so a row's cell had the slot
     * one above before; -1 h the one below. Null for changes of another size (their sessions go to D).
     */
    private static String earlierSlot(ZoneOffsetTransition t) {
        int step = t.getOffsetAfter().getTotalSeconds() - t.getOffsetBefore().getTotalSeconds();
        return step == 3600 ? "first_above" : step == -3600 ? "first_below" : null;
    }

    /** Where stretch {@code k} ends: the next change, or the end of the whole hours. */
    private static Instant stretchEnd(Instant[] starts, int k, Instant last) {
        return k + 1 < starts.length ? starts[k + 1] : last;
    }

    /** The start of the stretch holding {@code hour} (whole hours, changes on the hour). */
    private static SqlText startOf(String hour, Instant[] starts) {
        if (starts.length == 1) return new SqlText().add("?::TIMESTAMP", starts[0]);
        SqlText cases = new SqlText().add("CASE");
        for (int k = starts.length - 1; k >= 1; k--) cases.add(" WHEN " + hour + " >= ? THEN ?::TIMESTAMP", starts[k], starts[k]);
        return cases.add(" ELSE ?::TIMESTAMP END", starts[0]);
    }

    /** What the rule counts for a session-hour s: 1 for a first row in its slot and stretch, less 1 when a change maps an earlier slot onto its cell. */
    private static SqlText weight(Instant[] starts, Instant last, List<ZoneOffsetTransition> changes) {
        SqlText w = new SqlText().add("(s.prev_slot IS NULL OR s.prev_slot < ").addAll(startOf("s.hour", starts)).add(")::INT");
        for (int k = 1; k < starts.length; k++) {
            String column = earlierSlot(changes.get(k - 1));
            if (column == null) continue;
            // coalesce: a NULL column would make the whole weight NULL, and sum() skip it.
            w.add(" - coalesce(s.hour >= ? AND s.hour < ? AND s." + column + " < ? AND (s.prev_slot IS NULL OR s.prev_slot < ?), false)::INT",
                    starts[k], stretchEnd(starts, k, last), starts[k], starts[k]);
        }
        return w;
    }
}
