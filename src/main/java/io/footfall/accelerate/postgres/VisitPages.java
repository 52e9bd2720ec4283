package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.MetricRows;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The entry and exit metrics without filters from {@code visit_view_span}'s page columns (V15): a visit inside the range
 * gives its session and its entry (exit) path; a visit crossing one end of the range, or whose first (last) instant has
 * views with different paths, is read from events as the reference reads it (its first (last) view with a path inside
 * the range). Then distinct sessions per path: of a session's visits inside the range with one path, only the first of
 * its chain inside the range counts (V17's {@code entry_prev_at} / {@code exit_next_at}, {@link PageChains}), so no
 * distinct over all of them; the few pairs from events are added when no counted visit has them.
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
        boolean entry = page.equals("entry");
        String path = entry ? d.firstBy("x.url_path", "x.created_at") : d.lastBy("x.url_path", "x.created_at");
        String inside = "v.website_id = ? AND v.first_at >= ? AND v.last_at <= ? AND v." + page + "_path IS NOT NULL";
        // The one visit counted per (session, path) among the visits inside the range (V17): the first of its chain inside it.
        String counted = inside + (entry ? " AND (v.entry_prev_at IS NULL OR v.entry_prev_at < ?)" : " AND (v.exit_next_at IS NULL OR v.exit_next_at > ?)");
        Instant bound = entry ? s : e;
        SqlText sql = new SqlText().add("WITH edge AS (").addAll(CrossingVisits.select("visit_view_span", w, s, e))
                .add(" UNION SELECT v.visit_id, v.session_id FROM visit_view_span v WHERE v.website_id = ? AND v.first_at >= ? "
                        + "AND v.last_at <= ? AND v." + page + "_at IS NOT NULL AND v." + page + "_path IS NULL), ", w, s, e)
                // The pairs of the visits read from events; and of a visit crossing the end whose chain has visits inside the
                // range: the one of them the chain would count is not (the crossing visit precedes it), so its pair is added here.
                .add("extra AS (SELECT c.session_id, " + path + " AS x FROM edge c JOIN event x ON x.website_id = ? AND x.session_id = c.session_id "
                        + "AND x.created_at BETWEEN ? AND ? AND x.visit_id = c.visit_id WHERE x.event_type IN (1, 3, 4) "
                        + "GROUP BY c.visit_id, c.session_id ", w, s, e)
                .add("UNION SELECT u.session_id, u." + page + "_path FROM edge c JOIN visit_view_span u ON u.website_id = ? AND u.visit_id = c.visit_id "
                        + "WHERE u.first_at >= ? AND u.last_at > ? AND u." + page + "_path IS NOT NULL AND EXISTS (SELECT 1 FROM visit_view_span v "
                        + "WHERE v.session_id = u.session_id AND v." + page + "_path = u." + page + "_path AND " + inside + ")), ", w, s, e, w, s, e)
                // Each (session, path) once: the counted inside visits, and the extra pairs none of them has.
                .add("pairs AS (SELECT v.session_id, v." + page + "_path AS x FROM visit_view_span v WHERE " + counted, w, s, e, bound)
                .add(" UNION ALL SELECT t.session_id, t.x FROM extra t WHERE NOT EXISTS (SELECT 1 FROM visit_view_span v "
                        + "WHERE v.session_id = t.session_id AND v." + page + "_path = t.x AND " + counted + ")) ", w, s, e, bound)
                .add("SELECT p.x, count(*) FROM pairs p WHERE " + MetricType.present("p.x") + " GROUP BY p.x")
                .addAll(MetricRows.rankedPage(p, false));
        return MetricRows.read(store, sql, false);
    }
}
