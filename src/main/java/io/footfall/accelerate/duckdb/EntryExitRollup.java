package io.footfall.accelerate.duckdb;

import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.MetricRows;
import io.footfall.query.MetricType;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Entry and exit pages through the visit rollup without a distinct count. A clean visit (wholly in the
 * range, folded, not mixed, its session without pending rows) <em>counts</em> for its path when its
 * session's previous visit with the same path (V7's prev_entry_at / prev_exit_at) began before the range:
 * it is then the session's first such visit in range, so each (session, path) counts once. The other
 * visits in range (cut by it, mixed, pending, or of a session with pending rows, whose links may be
 * stale) are read from events; each (session, path) they give is added unless a counting clean visit
 * already has it.
 */
final class EntryExitRollup {
    private EntryExitRollup() {
    }

    static List<Map<String, Object>> run(EventStore store, EventScope scope, MetricType type, QueryOptions options) throws SQLException {
        QueryParams p = scope.params();
        var d = scope.dialect();
        boolean entry = type.name().equals("entry");
        String column = entry ? "v.entry_path" : "v.exit_path";
        String link = entry ? "v.prev_entry_at" : "v.prev_exit_at";
        SpanRollup r = SpanRollup.open(store, scope, SpanRollup.VISITS, options);
        String pendingSessions = Tail.ids("visit_pending", "session_id");
        boolean pending = r.pending();
        SqlText counting = new SqlText().add(" FROM visit v").addAll(r.cleanWhere())
                .add(" AND (" + link + " IS NULL OR " + link + " < ?)", p.startAt());
        if (pending) counting.add(" AND v.session_id NOT IN " + pendingSessions, scope.websiteId());

        String path = entry ? d.firstBy("e.url_path", "e.created_at") : d.lastBy("e.url_path", "e.created_at");
        SqlText filters = scope.filterCondition();
        SqlText edge = new SqlText();
        for (SqlText w : r.edgeEventWheres(false)) {
            edge.add(edge.text().isEmpty() ? "" : " UNION ALL ")
                    .add("SELECT " + d.anyValue("e.session_id") + " AS session_id, " + path + " AS x FROM event e").addAll(w)
                    .add(" GROUP BY e.visit_id");
            if (filters != null) edge.add(" HAVING max(CASE WHEN ").addAll(filters).add(" THEN 1 ELSE 0 END) = 1");
        }
        if (pending) {
            Instant from = pendingSessionsStart(store, scope, pendingSessions);
            if (from != null) {
                edge.add(edge.text().isEmpty() ? "" : " UNION ALL ")
                        .add("SELECT " + d.anyValue("e.session_id") + " AS session_id, " + path + " AS x FROM event e WHERE e.website_id = ? "
                                + "AND e.created_at BETWEEN ? AND ? AND " + EventScope.VIEWS + " AND e.session_id IN " + pendingSessions,
                                scope.websiteId(), from.isBefore(p.startAt()) ? p.startAt() : from, p.endAt(), scope.websiteId())
                        .add(" GROUP BY e.visit_id");
                if (filters != null) edge.add(" HAVING max(CASE WHEN ").addAll(filters).add(" THEN 1 ELSE 0 END) = 1");
            }
        }
        SqlText sql = new SqlText().add("SELECT t.x, sum(t.y)::BIGINT AS y FROM (SELECT " + column + " AS x, count(*) AS y")
                .addAll(counting).add(" GROUP BY 1");
        if (!edge.text().isEmpty()) {
            sql.add(" UNION ALL SELECT g.x, count(*) FROM (SELECT DISTINCT session_id, x FROM (").addAll(edge).add(") u) g WHERE NOT EXISTS "
                            + "(SELECT 1").addAll(counting)
                    .add(" AND v.session_id = g.session_id AND " + column + " IS NOT DISTINCT FROM g.x) GROUP BY 1");
        }
        sql.add(") t WHERE " + MetricType.present("t.x") + " GROUP BY t.x").addAll(MetricRows.rankedPage(p, false));
        return MetricRows.read(store, sql, false);
    }

    /** The earliest view of any session with pending rows (folded or not), or null. */
    private static Instant pendingSessionsStart(EventStore store, EventScope scope, String pendingSessions) throws SQLException {
        SqlText sql = new SqlText().add("SELECT least((SELECT min(v.first_at) FROM visit v WHERE v.website_id = ? AND v.session_id IN "
                        + pendingSessions + "), (SELECT min(p.first_at) FROM visit_pending p WHERE p.website_id = ?))",
                scope.websiteId(), scope.websiteId(), scope.websiteId());
        return store.read(c -> sql.list(c, rs -> Sql.instant(rs, 1)).getFirst());
    }
}
