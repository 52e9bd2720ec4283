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
 * The expanded metrics of path and utm* ({@code metrics/expanded}) without filters but on their own value, from
 * {@code visit_value} (V27) and, for the visitors, {@link SessionValueMetrics}. What the reference computes: the range's
 * views grouped per (value, visit), then per value the views, the distinct sessions, the (value, visit) groups, those of one
 * view (bounces) and the seconds between each group's first and last view. A {@code visit_value} row inside the range is
 * such a group as it is; a row crossing an end of the range (its first view before the start and its last at or after it,
 * or its first at or before the end and its last after it) is read again from its visit's views inside the range. Those are
 * few: visits last minutes, so their first view lies within the website's longest visit before that end. The groups are
 * summed per value without a distinct count (hashed: a few groups per value), and the visitors are the value's sessions
 * with a view inside the range, which is {@code metrics?type=}'s count.
 */
final class ExpandedValues {
    private ExpandedValues() {
    }

    /** Whether these parameters are answered here: a kind {@link VisitValueRows} keeps, filters and search on its value only. */
    static boolean answers(QueryParams p, MetricType type) {
        ValueKind k = ValueKind.ofType(type.name());
        return k != null && VisitValueRows.KINDS.contains(k) && OwnValueFilters.cover(p, type, k);
    }

    static List<Map<String, Object>> run(EventStore store, EventScope scope, MetricType type) throws SQLException {
        QueryParams p = scope.params();
        UUID w = scope.websiteId();
        Instant s = p.startAt();
        Instant e = p.endAt();
        ValueKind k = ValueKind.ofType(type.name());
        String probe = k.sql().replace("e.", "ev.");
        String secs = "floor(extract(epoch FROM (%s) - (%s)))::bigint";
        // The website's longest visit plus a second (secs is floored): no row crossing an instant began earlier before it.
        String longest = "(SELECT make_interval(secs => coalesce(max(l.secs), 0) + 1) FROM visit_view_span l WHERE l.website_id = ?)";
        String rows = "FROM visit_value r WHERE r.website_id = ? AND r.kind = ? ";
        SqlText sql = new SqlText()
                .add("SELECT a.x, a.c, n.y, a.visits, a.bounces, a.secs FROM (SELECT t.x, sum(t.c) AS c, count(*) AS visits, "
                        + "sum(CASE WHEN t.c = 1 THEN 1 ELSE 0 END) AS bounces, sum(t.secs) AS secs FROM (")
                .add("SELECT r.value AS x, r.views AS c, " + secs.formatted("r.last_at", "r.first_at") + " AS secs " + rows
                        + "AND r.first_at >= ? AND r.first_at <= ? AND r.last_at <= ? ", w, k.code(), s, e, e)
                .add("UNION ALL SELECT q.x, q.c, q.secs FROM (SELECT r.visit_id, r.session_id, r.value " + rows
                        + "AND r.first_at < ? AND r.first_at >= ?::timestamp - " + longest + " AND r.last_at >= ? ", w, k.code(), s, s, w, s)
                .add("UNION SELECT r.visit_id, r.session_id, r.value " + rows
                        + "AND r.first_at <= ? AND r.first_at >= ?::timestamp - " + longest + " AND r.last_at > ?) r ", w, k.code(), e, e, w, e)
                .add("CROSS JOIN LATERAL (SELECT r.value AS x, count(*) AS c, " + secs.formatted("max(ev.created_at)", "min(ev.created_at)")
                        + " AS secs FROM event ev WHERE ev.website_id = ? AND ev.session_id = r.session_id AND ev.visit_id = r.visit_id "
                        + "AND ev.created_at BETWEEN ? AND ? AND ev.event_type IN (1, 3, 4) AND " + probe + " = r.value) q WHERE q.c > 0", w, s, e)
                .add(") t GROUP BY t.x OFFSET 0) a JOIN (")
                .addAll(SessionValueMetrics.perValue(scope, type))
                // The filters on the grouped values (see SessionValueMetrics.perValue), fenced by OFFSET 0 from every row.
                .add(") n (x, y) ON n.x = a.x WHERE 1 = 1")
                .addAll(OwnValueFilters.over(scope, type, "a", "x"))
                .add(" ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?", p.limit(), p.offset());
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", rs.getString(1));
            row.put("pageviews", rs.getLong(2));
            row.put("visitors", rs.getLong(3));
            row.put("visits", rs.getLong(4));
            row.put("bounces", rs.getLong(5));
            row.put("totaltime", rs.getLong(6));
            return row;
        }));
    }
}
