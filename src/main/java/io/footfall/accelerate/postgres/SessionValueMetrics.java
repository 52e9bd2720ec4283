package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The per-view value metrics without filters but on their own value (path, title, hostname, query, tag, referrer and domain, channel,
 * utm*) from {@code session_value} and {@code session_value_extra} (V21). What the reference counts: per value the distinct
 * sessions with a view inside the range carrying it. Each (session, value) is one row or row slot with the first and last
 * time of its views: counted when either lies inside the range; when they lie on both sides of it, the session's views
 * inside the range are read from events ({@code event_by_session}) to see whether one carries the value. A row whose
 * times are both before (after) the range has no view inside.
 */
final class SessionValueMetrics {
    private SessionValueMetrics() {
    }

    /** Whether these parameters are answered here: a kind of {@link ValueKind}, filters and search only on its value ({@link OwnValueFilters}). */
    static boolean answers(QueryParams p, MetricType type) {
        ValueKind k = ValueKind.ofType(type.name());
        return k != null && OwnValueFilters.cover(p, type, k);
    }

    static List<Map<String, Object>> run(EventStore store, EventScope scope, MetricType type) throws SQLException {
        QueryParams p = scope.params();
        SqlText sql = perValue(scope, type).add(" ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?", p.limit(), p.offset());
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", rs.getString(1));
            row.put("y", rs.getLong(2));
            return row;
        }));
    }

    /** {@code SELECT x, y} of every value passing the filters: its sessions with a view inside the range carrying it. */
    static SqlText perValue(EventScope scope, MetricType type) {
        QueryParams p = scope.params();
        UUID w = scope.websiteId();
        Instant s = p.startAt();
        Instant e = p.endAt();
        ValueKind k = ValueKind.ofType(type.name());
        String v = "v." + k.column();
        // The kind's expression over the probed view, which must be the (session, value)'s value.
        String probe = k.sql().replace("e.", "ev.");
        // Inside: the (session, value)'s first or last view lies in the range. Crossing: they lie on both sides of it (few:
        // found by the sessions ending after the range), probed. Two plain branches, not one filter with OR EXISTS: the
        // planner then scans in parallel and hashes the values (90 days, path: 0.46 s against 1.3-3 s sorted, at load 45).
        String slot = "FROM session_value v WHERE v.website_id = ? ";
        String extra = "FROM session_value_extra x WHERE x.website_id = ? AND x.kind = ? ";
        SqlText sql = new SqlText()
                .add("SELECT g.x, g.y FROM (SELECT t.x, count(*) AS y FROM (SELECT " + v + " AS x " + slot + "AND v.last_at >= ? AND v.first_at <= ? AND " + v
                        + "_last >= ? AND " + v + "_first <= ? AND (" + v + "_first >= ? OR " + v + "_last <= ?) ", w, s, e, s, e, s, e)
                .add("UNION ALL SELECT x.value " + extra + "AND x.last_at >= ? AND x.first_at <= ? AND (x.first_at >= ? OR x.last_at <= ?) ",
                        w, k.code(), s, e, s, e)
                .add("UNION ALL SELECT c.x FROM (SELECT " + v + " AS x, v.session_id " + slot + "AND v.last_at > ? AND v.first_at < ? AND "
                        + v + "_last > ? AND " + v + "_first < ? ", w, e, s, e, s)
                .add("UNION ALL SELECT x.value, x.session_id " + extra + "AND x.last_at > ? AND x.first_at < ?) c ", w, k.code(), e, s)
                .add("WHERE EXISTS (SELECT 1 FROM event ev WHERE ev.website_id = ? AND ev.session_id = c.session_id "
                        + "AND ev.created_at BETWEEN ? AND ? AND ev.event_type IN (1, 3, 4) AND " + probe + " = c.x)) t GROUP BY t.x OFFSET 0) g "
                        + "WHERE 1 = 1", w, s, e)
                // The filters on the grouped values, not on every (session, value): a few values instead of ~0.5 M rows over 90
                // days (an ILIKE per row cost 2-3x the scan). OFFSET 0 keeps the planner from pushing them down again.
                .addAll(OwnValueFilters.over(scope, type, "g", "x"));
        return sql;
    }
}
