package io.footfall.accelerate.duckdb;

import io.footfall.query.Parallel;
import io.footfall.query.QueryParams;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.query.EventTotals;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.time.Instant;

/**
 * Custom-event totals over a range: events, distinct sessions, distinct visits and distinct event names.
 * Without filters, sessions and visits come from the custom-event spans ({@code session_event},
 * {@code visit_event}): a unit counts when its first or last custom event lies in the range; units with
 * events before and after the range, and units with events not folded yet, are checked against the
 * events of the range (the two sets are disjoint). Events and names come from {@link EventHourly} where it
 * serves, else from the events.
 */
public final class EventStats {
    private EventStats() {
    }

    public static EventTotals run(EventStore store, EventScope scope) throws SQLException {
        if (!scope.params().filters().isEmpty()) return fromEvents(store, scope);
        boolean pending = Tail.has(store, scope, EventScope.CUSTOM_EVENTS);
        var both = Parallel.both(() -> {
            SqlText sql = EventHourly.covers(scope.params())
                    ? new SqlText().add("SELECT coalesce(sum(n), 0)::BIGINT, count(x) FROM (SELECT x, sum(n) AS n FROM (")
                            .addAll(EventHourly.rows(store, scope, false)).add(") t GROUP BY x HAVING sum(n) > 0) u")
                    : new SqlText().add("SELECT count(*), count(DISTINCT e.event_name) FROM event e").addAll(scope.where(EventScope.CUSTOM_EVENTS));
            return store.read(c -> sql.list(c, rs -> new long[]{rs.getLong(1), rs.getLong(2)}).getFirst());
        }, () -> new long[]{units(store, scope, "session_event", "session_id", pending), units(store, scope, "visit_event", "visit_id", pending)});
        return new EventTotals(both.first()[0], both.second()[0], both.second()[1], both.first()[1]);
    }

    private static EventTotals fromEvents(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT count(*), count(DISTINCT e.session_id), count(DISTINCT e.visit_id), "
                        + "count(DISTINCT e.event_name) FROM event e")
                .addAll(scope.where(EventScope.CUSTOM_EVENTS));
        return store.read(c -> sql.list(c, rs -> new EventTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).getFirst());
    }

    /** Sessions (or visits) with a custom event in the range, through one span table. */
    private static long units(EventStore store, EventScope scope, String table, String key, boolean pending) throws SQLException {
        QueryParams p = scope.params();
        SqlText pendingKeys = new SqlText().add("SELECT t." + key + " FROM event_tail t WHERE t.website_id = ? AND t.event_type = 2",
                scope.websiteId());
        SqlText known = new SqlText().add("SELECT count(*) FROM " + table + " v WHERE v.website_id = ? AND v.last_at >= ? AND v.first_at <= ? "
                        + "AND (v.first_at BETWEEN ? AND ? OR v.last_at BETWEEN ? AND ?)", // the first two only let zone maps prune
                scope.websiteId(), p.startAt(), p.endAt(), p.startAt(), p.endAt(), p.startAt(), p.endAt());
        if (pending) known.add(" AND v." + key + " NOT IN (").addAll(pendingKeys).add(")");
        // Checked: spans around the whole range, and every unit with pending events (its folded span widened by them).
        SqlText checked = new SqlText().add("SELECT v." + key + " AS k, v.first_at AS f, v.last_at AS l FROM " + table
                + " v WHERE v.website_id = ? AND v.first_at < ? AND v.last_at > ?", scope.websiteId(), p.startAt(), p.endAt());
        if (pending) {
            checked.add(" UNION ALL SELECT v." + key + ", v.first_at, v.last_at FROM " + table + " v WHERE v.website_id = ? AND v." + key
                            + " IN (", scope.websiteId()).addAll(pendingKeys).add(")")
                    .add(" UNION ALL SELECT t." + key + ", t.created_at, t.created_at FROM event_tail t WHERE t.website_id = ? AND t.event_type = 2",
                            scope.websiteId());
        }
        SqlText extent = new SqlText().add("SELECT min(c.f), max(c.l) FROM (").addAll(checked).add(") c");
        long count = store.read(c -> known.list(c, rs -> rs.getLong(1)).getFirst());
        Instant[] w = store.read(c -> extent.list(c, rs -> new Instant[]{Sql.instant(rs, 1), Sql.instant(rs, 2)}).getFirst());
        if (w[0] == null) return count;
        Instant from = w[0].isBefore(p.startAt()) ? p.startAt() : w[0];
        Instant to = w[1].isAfter(p.endAt()) ? p.endAt() : w[1];
        if (from.isAfter(to)) return count;
        Instant[] h = HourlySeries.wholeHours(p);
        SqlText edge = key.equals("session_id") && !pending && h[0].isBefore(h[1]) ? checkedSessionsByHour(scope, checked, h)
                : new SqlText().add("SELECT count(DISTINCT e." + key + ") FROM event e WHERE e.website_id = ? AND e.event_type = 2 "
                        + "AND e.created_at BETWEEN ? AND ? AND e." + key + " IN (SELECT DISTINCT c.k FROM (", scope.websiteId(), from, to)
                .addAll(checked).add(") c)");
        return count + store.read(c -> edge.list(c, rs -> rs.getLong(1)).getFirst());
    }

    /**
     * The checked sessions with a custom event in the range, without a tail: in its whole UTC hours from the
     * hourly rollup (an hour's rows beyond its views are custom events), in the partial hours at either end
     * from events. A long-lived session spanning a short range has few hours there but many events.
     */
    private static SqlText checkedSessionsByHour(EventScope scope, SqlText checked, Instant[] h) {
        QueryParams p = scope.params();
        String custom = " FROM event e WHERE e.website_id = ? AND e.event_type = 2 AND e.session_id IN (SELECT k FROM c) AND ";
        return new SqlText().add("WITH c AS " + scope.dialect().materialized() + "(SELECT DISTINCT x.k FROM (").addAll(checked).add(") x) ")
                .add("SELECT count(DISTINCT u.k) FROM (SELECT s.session_id AS k FROM session_hour s WHERE s.website_id = ? AND s.hour >= ? "
                        + "AND s.hour < ? AND s.activity > s.views AND s.session_id IN (SELECT k FROM c)", scope.websiteId(), h[0], h[1])
                .add(" UNION ALL SELECT e.session_id" + custom + "e.created_at >= ? AND e.created_at < ?", scope.websiteId(), p.startAt(), h[0])
                .add(" UNION ALL SELECT e.session_id" + custom + "e.created_at >= ? AND e.created_at <= ?", scope.websiteId(), h[1], p.endAt())
                .add(") u");
    }
}
