package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.FilterColumns;
import io.footfall.query.MetricRows;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The session-attribute metrics without filters (browser, os, device, screen, language, country, region, city, distinctId)
 * from {@code session_view_span}'s attributes (V13). What the reference counts: per value (region and city: per value and
 * country) the distinct sessions with a view inside the range that carries it. A session whose views agree and whose first
 * or last view lies inside the range gives its one value; a mixed session with a view inside, and a session that begins
 * before the range and ends after it (a view inside or not), read their views inside the range from events.
 */
final class SessionValues {
    private SessionValues() {
    }

    /** Whether these parameters are answered here: a session attribute, no filters, no search. */
    static boolean answers(QueryParams p, MetricType type) {
        return FilterColumns.SESSION.contains(type.name()) && p.filters().isEmpty() && p.search() == null;
    }

    static List<Map<String, Object>> run(EventStore store, EventScope scope, MetricType type) throws SQLException {
        QueryParams p = scope.params();
        UUID w = scope.websiteId();
        Instant s = p.startAt();
        Instant e = p.endAt();
        boolean withCountry = type.carriesCountry();
        String rowValue = type.expressionOver("p." + type.column()) + " AS x" + (withCountry ? ", p.country" : "");
        String eventValue = type.expressionOver("x." + type.column()) + " AS x" + (withCountry ? ", x.country" : "");
        SqlText sql = new SqlText()
                .add("WITH edge AS (SELECT p.session_id FROM session_view_span p WHERE p.website_id = ? AND p.mixed "
                        + "AND p.first_at BETWEEN ? AND ? ", w, s, e)
                .add("UNION ALL SELECT p.session_id FROM session_view_span p WHERE p.website_id = ? AND p.last_at >= ? AND p.first_at < ? "
                        + "AND (p.mixed OR p.last_at > ?)), ", w, s, s, e)
                // One row per (session, value): the count per value is of distinct sessions.
                .add("pairs AS (SELECT " + rowValue + " FROM session_view_span p WHERE p.website_id = ? AND NOT p.mixed "
                        + "AND p.first_at BETWEEN ? AND ? ", w, s, e)
                .add("UNION ALL SELECT " + rowValue + " FROM session_view_span p WHERE p.website_id = ? AND NOT p.mixed "
                        + "AND p.first_at < ? AND p.last_at BETWEEN ? AND ? ", w, s, s, e)
                .add("UNION ALL SELECT d.x" + (withCountry ? ", d.country" : "") + " FROM (SELECT DISTINCT c.session_id, " + eventValue
                        + " FROM edge c JOIN event x ON x.website_id = ? AND x.session_id = c.session_id AND x.created_at BETWEEN ? AND ? "
                        + "WHERE x.event_type IN (1, 3, 4)) d) ", w, s, e)
                .add("SELECT q.x, count(*)" + (withCountry ? ", q.country" : "") + " FROM pairs q WHERE " + MetricType.present("q.x")
                        + " GROUP BY q.x" + (withCountry ? ", q.country" : ""))
                .addAll(MetricRows.rankedPage(p, withCountry));
        return MetricRows.read(store, sql, withCountry);
    }
}
