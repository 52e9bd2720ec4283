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
 * {@code /stats} with filters on session attributes only ({@code stats?country=DE&browser=chrome}) from {@code session_view_span}
 * (V13) and {@code visit_view_span}. The reference keeps the views that pass the filters. A session row that is not
 * {@code mixed} holds the attributes all its views carry, so its views pass together or not at all: the filters are
 * its row's, and its visits count as {@link SpanStats} counts them (inside the range from their rows, crossing an end
 * from their views inside). Mixed sessions' views are read from events with the filters. A visit belongs to one session.
 */
final class AttributeFilteredStats {
    /** The filter columns that are columns of {@code session_view_span} under the same name. */
    private static final Set<String> ATTRIBUTES = Set.of("browser", "os", "device", "screen", "language", "country", "region", "city",
            "distinct_id");

    private AttributeFilteredStats() {
    }

    /** Whether these filters all read session attributes (no group, no cohort). */
    static boolean answers(QueryParams p) {
        if (p.filters().isEmpty()) return false;
        for (Filter f : p.filters()) {
            if (f.cohort() != null || f.isGroup() || !ATTRIBUTES.contains(f.column())) return false;
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
                // The passing sessions' visits with a view at or before the end and at or after the start.
                .add("WITH m AS MATERIALIZED (SELECT v.visit_id, v.session_id, v.first_at, v.last_at, v.views, v.secs FROM session_view_span p "
                        + "JOIN visit_view_span v ON v.website_id = p.website_id AND v.session_id = p.session_id "
                        + "WHERE p.website_id = ? AND p.last_at >= ? AND p.first_at <= ? AND NOT p.mixed", w, s, e)
                .addAll(scope.filters("p"))
                .add(" AND v.last_at >= ? AND v.first_at <= ?), ", s, e)
                // Those crossing an end: their views inside. Mixed sessions: their passing views inside, per visit.
                .add("cut AS (SELECT m.session_id, count(*) AS views, " + secs + " AS secs FROM m JOIN event x ON x.website_id = ? "
                        + "AND x.session_id = m.session_id AND x.created_at BETWEEN ? AND ? AND x.visit_id = m.visit_id "
                        + "WHERE (m.first_at < ? OR m.last_at > ?) AND x.event_type IN (1, 3, 4) GROUP BY m.visit_id, m.session_id "
                        + "UNION ALL SELECT x.session_id, count(*), " + secs + " FROM session_view_span p JOIN event x ON x.website_id = p.website_id "
                        + "AND x.session_id = p.session_id AND x.created_at BETWEEN ? AND ? WHERE p.website_id = ? AND p.mixed AND p.last_at >= ? "
                        + "AND p.first_at <= ? AND x.event_type IN (1, 3, 4)", w, s, e, s, e, s, e, w, s, e)
                .addAll(scope.filters("x"))
                .add(" GROUP BY x.visit_id, x.session_id), ")
                .add("inside AS (SELECT m.session_id, m.views, m.secs FROM m WHERE m.first_at >= ? AND m.last_at <= ?), ", s, e)
                .add("counted AS (SELECT session_id, views, secs FROM inside UNION ALL SELECT session_id, views, secs FROM cut) ")
                .add("SELECT coalesce(sum(views), 0), count(DISTINCT session_id), count(*), coalesce(sum(CASE WHEN views = 1 THEN 1 ELSE 0 END), 0), "
                        + "coalesce(sum(secs), 0) FROM counted");
        return store.read(c -> sql.list(c, rs -> new WebsiteTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5)))).getFirst();
    }
}
