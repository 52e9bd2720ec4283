package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The entry and exit metrics without filters from {@code visit_view_span}'s page columns (V15): a visit inside the range
 * gives its session and its entry (exit) path; a visit crossing one end of the range, or whose first (last) instant has
 * views with different paths, is read from events as the reference reads it (its first (last) view with a path inside
 * the range). Then distinct sessions per path.
 */
final class VisitPages {
    private VisitPages() {
    }

    /** Whether these parameters are answered here: entry or exit, no filters, no search. */
    static boolean answers(QueryParams p, MetricType type) {
        return type.isEntryExit() && p.filters().isEmpty() && p.search() == null;
    }

    static List<Map<String, Object>> run(EventStore store, EventScope scope, MetricType type) throws SQLException {
        QueryParams p = scope.params();
        Dialect d = scope.dialect();
        UUID w = scope.websiteId();
        Instant s = p.startAt();
        Instant e = p.endAt();
        String page = type.name();
        String path = page.equals("entry") ? d.firstBy("x.url_path", "x.created_at") : d.lastBy("x.url_path", "x.created_at");
        SqlText sql = new SqlText().add("WITH edge AS (").addAll(CrossingVisits.select("visit_view_span", w, s, e))
                .add(" UNION SELECT v.visit_id, v.session_id FROM visit_view_span v WHERE v.website_id = ? AND v.first_at >= ? "
                        + "AND v.last_at <= ? AND v." + page + "_at IS NOT NULL AND v." + page + "_path IS NULL), ", w, s, e)
                // (session, path) pairs: UNION keeps each once, so the count per path is of distinct sessions.
                .add("pairs AS (SELECT v.session_id, v." + page + "_path AS x FROM visit_view_span v WHERE v.website_id = ? "
                        + "AND v.first_at >= ? AND v.last_at <= ? AND v." + page + "_path IS NOT NULL ", w, s, e)
                .add("UNION SELECT c.session_id, " + path + " FROM edge c JOIN event x ON x.website_id = ? AND x.session_id = c.session_id "
                        + "AND x.created_at BETWEEN ? AND ? AND x.visit_id = c.visit_id WHERE x.event_type IN (1, 3, 4) "
                        + "GROUP BY c.visit_id, c.session_id) ", w, s, e)
                .add("SELECT p.x, count(*) FROM pairs p WHERE " + MetricType.present("p.x") + " GROUP BY p.x ORDER BY 2 DESC, 1 "
                        + "LIMIT ? OFFSET ?", p.limit(), p.offset());
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", rs.getString(1));
            row.put("y", rs.getLong(2));
            return row;
        }));
    }
}
