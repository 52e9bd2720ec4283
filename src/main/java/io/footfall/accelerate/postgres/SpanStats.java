package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.query.WebsiteTotals;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code /stats} without filters from {@code visit_view_span} and {@code session_view_span}. A visit whose first and last view
 * lie inside the range counts whole (its views, a bounce when it has one, its time from first to last view); a
 * visit crossing one end of the range counts only its views inside, read from events
 * as the reference reads them. Visitors: the sessions with a view inside — those inside the range, those crossing
 * only its end, and those crossing its start that have a visit starting inside or a crossing visit with a view
 * inside (probing events per such session took 0.4 s for the ~5,000 crossing a 7-day start at 1 M events). A visit
 * belongs to one session (the collector mints visit ids per session).
 */
final class SpanStats {
    private SpanStats() {
    }

    static WebsiteTotals run(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        UUID w = scope.websiteId();
        Instant s = scope.params().startAt();
        Instant e = scope.params().endAt();
        SqlText sql = new SqlText()
                .add("WITH crossing AS (").addAll(CrossingVisits.select("visit_view_span", w, s, e)).add("), ")
                .add("cut AS (SELECT c.session_id, count(*) AS views, " + d.secondsBetween("min(x.created_at)", "max(x.created_at)")
                        + " AS secs FROM crossing c JOIN event x ON x.website_id = ? AND x.session_id = c.session_id "
                        + "AND x.created_at BETWEEN ? AND ? AND x.visit_id = c.visit_id WHERE x.event_type IN (1, 3, 4) "
                        + "GROUP BY c.visit_id, c.session_id), ", w, s, e)
                .add("inside AS (SELECT coalesce(sum(v.views), 0) AS views, count(*) AS visits, "
                        + "coalesce(sum(CASE WHEN v.views = 1 THEN 1 ELSE 0 END), 0) AS bounces, coalesce(sum(v.secs), 0) AS secs FROM visit_view_span v "
                        + "WHERE v.website_id = ? AND v.first_at >= ? AND v.last_at <= ?), ", w, s, e)
                .addAll(SessionCount.cte("session_view_span", "visit_view_span", w, s, e)).add(" ")
                .add("SELECT i.views + coalesce((SELECT sum(views) FROM cut), 0), (SELECT sum(n) FROM sessions), "
                        + "i.visits + (SELECT count(*) FROM cut), "
                        + "i.bounces + (SELECT count(*) FROM cut WHERE views = 1), i.secs + coalesce((SELECT sum(secs) FROM cut), 0) FROM inside i");
        return store.read(c -> sql.list(c, rs -> new WebsiteTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5)))).getFirst();
    }
}
