package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.SessionTotals;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * The sessions page totals ({@code /sessions/stats}) without filters from {@code visit_activity_span} and
 * {@code session_activity_span} (V16): a visit inside the range counts whole (its events, custom events, its country);
 * a visit crossing one end counts its events inside, read from events, and so does the country of a visit whose events
 * name several. The inside visits are read once, grouped by country; those of several countries are found through V20's
 * partial index. Sessions as {@link SessionCount} counts them.
 */
final class ActivityStats {
    private ActivityStats() {
    }

    static SessionTotals run(EventStore store, EventScope scope) throws SQLException {
        UUID w = scope.websiteId();
        Instant s = scope.params().startAt();
        Instant e = scope.params().endAt();
        String inside = " FROM visit_activity_span v WHERE v.website_id = ? AND v.first_at >= ? AND v.last_at <= ?";
        String events = " JOIN event x ON x.website_id = ? AND x.session_id = c.session_id AND x.created_at BETWEEN ? AND ? "
                + "AND x.visit_id = c.visit_id WHERE x." + ActivityRows.ACTIVITY;
        SqlText sql = new SqlText()
                .add("WITH crossing AS (").addAll(CrossingVisits.select("visit_activity_span", w, s, e)).add("), ")
                .add("cut AS (SELECT c.session_id, count(*) AS n, count(*) FILTER (WHERE x.event_type = 2) AS custom FROM crossing c"
                        + events + " GROUP BY c.visit_id, c.session_id), ", w, s, e)
                // The inside visits in one scan, grouped by country (~20 groups): their sums, and their own countries.
                .add("by_country AS " + scope.dialect().materialized() + "(SELECT v.country, sum(v.events) AS n, count(*) AS visits, "
                        + "sum(v.customs) AS custom" + inside + " GROUP BY v.country), ", w, s, e)
                .add("inside AS (SELECT coalesce(sum(n), 0) AS n, coalesce(sum(visits), 0) AS visits, coalesce(sum(custom), 0) AS custom "
                        + "FROM by_country), ")
                // Countries: the inside visits' own; the crossing and several-country visits' (V20's partial index) from their events inside.
                .add("countries AS (SELECT country FROM by_country WHERE country IS NOT NULL ")
                .add("UNION SELECT x.country FROM (SELECT visit_id, session_id FROM crossing UNION SELECT v.visit_id, v.session_id"
                        + inside + " AND v.mixed_country) c" + events + " AND x.country IS NOT NULL), ", w, s, e, w, s, e)
                .addAll(SessionCount.cte("session_activity_span", "visit_activity_span", w, s, e)).add(" ")
                .add("SELECT i.n + coalesce((SELECT sum(n) FROM cut), 0), (SELECT sum(n) FROM sessions), i.visits + (SELECT count(*) FROM cut), "
                        + "(SELECT count(*) FROM countries), i.custom + coalesce((SELECT sum(custom) FROM cut), 0) FROM inside i");
        return store.read(c -> sql.list(c, rs -> new SessionTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5)))).getFirst();
    }
}
