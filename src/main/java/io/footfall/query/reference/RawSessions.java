package io.footfall.query.reference;

import io.footfall.query.EventPage;
import io.footfall.query.SessionPage;
import io.footfall.query.SessionPageSql;
import io.footfall.query.SessionDataSql;
import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import io.footfall.query.TextSearch;
import io.footfall.query.ValueCounts;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Session pages, the weekly heatmap, session data and the event list over the raw tables. */
final class RawSessions {
    private RawSessions() {
    }

    /**
     * One page of (session, hostname) groups with activity in scope, newest last activity first; the count is
     * of all groups. {@code search} matches the distinct id, city, browser, OS or device.
     */
    static SessionPage sessions(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        SqlText where = scope.where(EventScope.ACTIVITY);
        if (p.search() != null) where.addAll(TextSearch.sessions(scope.dialect(), "e", p.search()));
        SqlText page = SessionPageSql.page(scope, where, new SqlText());
        long[] total = {0};
        List<Map<String, Object>> data = Raw.list(store, page, rs -> {
            total[0] = rs.getLong("total");
            return SessionPageSql.row(scope, rs);
        });
        // An empty page past the end carries no total: count the groups then.
        if (data.isEmpty() && p.page() > 1) {
            total[0] = Raw.number(store, SessionPageSql.count(where, new SqlText()));
        }
        return new SessionPage(data, total[0], p.page(), p.pageSize());
    }

    /** Distinct sessions with a view per local day of week and hour, a 7 × 24 matrix. */
    static long[][] weekly(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        SqlText sql = new SqlText().add("SELECT " + d.dayOfWeek("t.local_at") + ", " + d.hourOfDay("t.local_at")
                        + ", count(DISTINCT t.session_id) FROM (SELECT ")
                .addAll(scope.localTime("e.created_at", scope.params().zone()))
                .add(" AS local_at, e.session_id FROM event e")
                .addAll(scope.where(EventScope.VIEWS))
                .add(") t GROUP BY 1, 2");
        long[][] matrix = new long[7][24];
        Raw.list(store, sql, rs -> {
            matrix[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
            return null;
        });
        return matrix;
    }

    /** Sessions with activity in scope (every filter applies to their events). */
    private static SqlText activeSessions(EventScope scope) {
        return new SqlText().add("d.session_id IN (SELECT e.session_id FROM event e").addAll(scope.where(EventScope.ACTIVITY)).add(")");
    }

    /** Session data keys of the active sessions with their number of sessions, most common first. */
    static List<Map<String, Object>> dataProperties(EventStore store, EventScope scope) throws SQLException {
        return Raw.list(store, SessionDataSql.properties(scope, activeSessions(scope)), SessionDataSql::property);
    }

    /** Values of one session data key among the active sessions, with their number of sessions. */
    static List<Map<String, Object>> dataValues(EventStore store, EventScope scope, String propertyName) throws SQLException {
        return ValueCounts.merge(Raw.list(store, SessionDataSql.values(scope, propertyName, activeSessions(scope)), SessionDataSql::value));
    }

    /** One page of events (every type) newest first, with whether each carries event data, and the count of all. */
    static EventPage events(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        SqlText where = scope.where(EventScope.ANY_TYPE);
        if (p.search() != null) where.addAll(TextSearch.events(scope.dialect(), "e", p.search()));
        // Whether an event carries data is asked of the page's rows only: over the whole range, PostgreSQL hashed all
        // event data (150 k rows, 300 ms) instead of 20 index look-ups.
        SqlText page = new SqlText().add("SELECT p.*, EXISTS (SELECT 1 FROM event_data d WHERE d.website_id = p.website_id "
                        + "AND d.event_id = p.event_id) AS has_data FROM (SELECT e.event_id, e.website_id, e.session_id, e.created_at, "
                        + "e.hostname, e.url_path, e.url_query, e.referrer_path, e.referrer_query, e.referrer_domain, e.country, e.city, "
                        + "e.device, e.os, e.browser, e.page_title, e.event_type, e.event_name FROM event e")
                .addAll(where)
                .add(" ORDER BY e.created_at DESC, e.event_id LIMIT ? OFFSET ?) p ORDER BY p.created_at DESC, p.event_id",
                        p.pageSize(), (long) (p.page() - 1) * p.pageSize());
        List<Map<String, Object>> data = Raw.list(store, page, rs -> {
            Map<String, Object> m = EventPage.row(rs);
            m.put("hasData", rs.getBoolean("has_data") ? 1 : 0);
            return m;
        });
        SqlText count = new SqlText().add("SELECT count(*) FROM event e").addAll(where);
        return new EventPage(data, Raw.number(store, count), p.page(), p.pageSize());
    }
}
