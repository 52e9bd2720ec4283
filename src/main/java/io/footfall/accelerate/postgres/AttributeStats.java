package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.Filter;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.WebsiteTotals;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /stats} filtered on session attributes only ({@code stats?country=DE&browser=chrome}) from the V13 session rows: a
 * session that is not {@code mixed} has the row's attributes on every view, so a filter keeps all its views or none. The
 * kept sessions' visits count as in {@link SpanStats} (whole inside the range, views read from events when crossing an end)
 * and the sessions as in {@link SessionCount}, over those sessions only; the few {@code mixed} sessions overlapping the range
 * read their views from events with the filters, grouped per visit as the reference groups them. The two sets are disjoint.
 */
final class AttributeStats {
    /** The session row's columns a filter may read (named as on {@code event}). */
    private static final Set<String> COLUMNS = Set.of("browser", "os", "device", "screen", "language", "country", "region", "city",
            "distinct_id");

    private AttributeStats() {
    }

    /** Filters, each a plain condition on a session attribute (no {@code match=any} group, no cohort). */
    static boolean answers(QueryParams p) {
        if (p.filters().isEmpty()) return false;
        for (Filter f : p.filters()) {
            if (f.cohort() != null || f.isGroup() || !COLUMNS.contains(f.column())) return false;
        }
        return true;
    }

    static WebsiteTotals run(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        UUID w = scope.websiteId();
        Instant s = scope.params().startAt();
        Instant e = scope.params().endAt();
        String secs = d.secondsBetween("min(x.created_at)", "max(x.created_at)");
        SqlText sql = new SqlText()
                // The kept sessions overlapping the range: every session SessionCount counts overlaps it.
                .add("WITH m AS MATERIALIZED (SELECT p.website_id, p.session_id, p.first_at, p.last_at FROM session_view_span p "
                        + "WHERE p.website_id = ? AND p.last_at >= ? AND p.first_at <= ? AND NOT p.mixed", w, s, e).addAll(scope.filters("p")).add("), ")
                .add("crossing AS (SELECT c.visit_id, c.session_id FROM (").addAll(CrossingVisits.select("visit_view_span", w, s, e))
                .add(") c WHERE c.session_id IN (SELECT session_id FROM m)), ")
                .add("cut AS (SELECT c.session_id, count(*) AS views, " + secs + " AS secs FROM crossing c JOIN event x ON x.website_id = ? "
                        + "AND x.session_id = c.session_id AND x.created_at BETWEEN ? AND ? AND x.visit_id = c.visit_id "
                        + "WHERE x.event_type IN (1, 3, 4) GROUP BY c.visit_id, c.session_id), ", w, s, e)
                .add("inside AS (SELECT coalesce(sum(v.views), 0) AS views, count(*) AS visits, "
                        + "coalesce(sum(CASE WHEN v.views = 1 THEN 1 ELSE 0 END), 0) AS bounces, coalesce(sum(v.secs), 0) AS secs FROM visit_view_span v "
                        + "WHERE v.website_id = ? AND v.first_at >= ? AND v.last_at <= ? AND v.session_id IN (SELECT session_id FROM m)), ", w, s, e)
                .addAll(SessionCount.cte("m", "visit_view_span", w, s, e)).add(", ")
                // Mixed sessions: their views inside the range that pass the filters, per visit.
                .add("mixed AS (SELECT x.session_id, count(*) AS views, " + secs + " AS secs FROM event x WHERE x.website_id = ? "
                        + "AND x.session_id IN (SELECT p.session_id FROM session_view_span p WHERE p.website_id = ? AND p.mixed "
                        + "AND p.last_at >= ? AND p.first_at <= ?) AND x.created_at BETWEEN ? AND ? AND x.event_type IN (1, 3, 4)", w, w, s, e, s, e)
                .addAll(scope.filters("x")).add(" GROUP BY x.visit_id, x.session_id) ")
                .add("SELECT i.views + coalesce((SELECT sum(views) FROM cut), 0) + coalesce((SELECT sum(views) FROM mixed), 0), "
                        + "(SELECT sum(n) FROM sessions) + (SELECT count(DISTINCT session_id) FROM mixed), "
                        + "i.visits + (SELECT count(*) FROM cut) + (SELECT count(*) FROM mixed), "
                        + "i.bounces + (SELECT count(*) FROM cut WHERE views = 1) + (SELECT count(*) FROM mixed WHERE views = 1), "
                        + "i.secs + coalesce((SELECT sum(secs) FROM cut), 0) + coalesce((SELECT sum(secs) FROM mixed), 0) FROM inside i");
        return store.read(c -> sql.list(c, rs -> new WebsiteTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5)))).getFirst();
    }
}
