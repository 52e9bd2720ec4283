package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.query.RevenueSessions;
import io.footfall.query.SessionPage;
import io.footfall.query.SessionPageSql;
import io.footfall.query.SqlText;
import io.footfall.query.TextSearch;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The sessions list and the revenue sessions list without filters (search allowed) from {@code session_activity_span}
 * (V16, V24), as the reference ({@code SessionPageSql.page}) lists them: (session, hostname) groups of the range's events
 * but web vitals, newest last event first. A session that is not {@code mixed} is one group (its row's hostname) that the
 * search matches wholly or not at all (its row's values); its last event inside the range is its row's when that lies
 * inside, else (the session goes on after the end) read from {@code event}; one that began before the range and has no
 * event inside is left out by that read. Mixed sessions' groups are read from their events. The page's columns are then
 * aggregated over the page's sessions' events, as the reference does. Over 90 days at 1 M events the reference groups
 * all ~860 k events of the range.
 */
final class ListedSessions {
    private ListedSessions() {
    }

    static boolean answers(QueryParams p) {
        return p.filters().isEmpty();
    }

    /** The sessions list; its search matches the distinct id, city, browser, OS or device. */
    static SessionPage sessions(EventStore store, EventScope scope) throws SQLException {
        String text = scope.params().search();
        return run(store, scope, null, alias -> text == null ? new SqlText() : TextSearch.sessions(scope.dialect(), alias, text));
    }

    /** The revenue sessions list ({@code RevenueSessions}): the sessions that paid in the currency; its own search. */
    static Map<String, Object> revenue(EventStore store, EventScope scope, String currency) throws SQLException {
        String text = scope.params().search();
        SessionPage page = run(store, scope, RevenueSessions.payingSessions(scope, currency),
                alias -> text == null ? new SqlText() : RevenueSessions.search(alias, text));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.data());
        body.put("count", page.count());
        body.put("page", page.page());
        body.put("pageSize", page.pageSize());
        return body;
    }

    /**
     * One page of groups; {@code only} (a SELECT of session ids, or null for all) restricts the sessions, {@code search}
     * gives the search's conditions over an alias ({@code AND …}, empty without a search).
     */
    private static SessionPage run(EventStore store, EventScope scope, SqlText only, Function<String, SqlText> search) throws SQLException {
        QueryParams p = scope.params();
        UUID w = scope.websiteId();
        Instant s = p.startAt();
        Instant e = p.endAt();
        String event = " x.website_id = p.website_id AND x.session_id = p.session_id AND x.created_at BETWEEN ? AND ? AND x."
                + ActivityRows.ACTIVITY;
        String restrict = only == null ? "" : " AND p.session_id IN (SELECT session_id FROM only_sessions)";
        SqlText groups = new SqlText().add("WITH ");
        if (only != null) groups.add("only_sessions AS MATERIALIZED (").addAll(only).add("), ");
        // Sessions whose last event lies inside: one group each, ranked by it.
        groups.add("inside AS (SELECT p.session_id, p.hostname, p.last_at FROM session_activity_span p WHERE p.website_id = ? "
                        + "AND p.last_at BETWEEN ? AND ? AND NOT p.mixed" + restrict, w, s, e).addAll(search.apply("p"))
                // Sessions going on after the end: their last event inside, if any (a scalar subquery: one probe per session).
                .add("), after AS (SELECT q.* FROM (SELECT p.session_id, p.hostname, (SELECT max(x.created_at) FROM event x WHERE"
                        + event + ") AS last_at FROM session_activity_span p WHERE p.website_id = ? AND p.last_at > ? AND p.first_at <= ? "
                        + "AND NOT p.mixed" + restrict, s, e, w, e, e).addAll(search.apply("p"))
                .add(") q WHERE q.last_at IS NOT NULL), ")
                // Mixed sessions: their groups from their events.
                .add("mixed AS (SELECT x.session_id, x.hostname, max(x.created_at) AS last_at FROM session_activity_span p JOIN event x ON"
                        + event, s, e).addAll(search.apply("x"))
                .add(" WHERE p.website_id = ? AND p.mixed AND p.last_at >= ? AND p.first_at <= ?" + restrict
                        + " GROUP BY x.session_id, x.hostname), ", w, s, e)
                .add("k AS (SELECT * FROM inside UNION ALL SELECT * FROM after UNION ALL SELECT * FROM mixed) ");
        SqlText page = new SqlText().addAll(groups).add("SELECT session_id, hostname, (SELECT count(*) FROM k) AS total FROM k "
                + "ORDER BY last_at DESC, session_id, hostname LIMIT ? OFFSET ?", p.pageSize(), (long) (p.page() - 1) * p.pageSize());
        SqlText count = new SqlText().addAll(groups).add("SELECT count(*) FROM k");
        return store.read(c -> {
            long[] total = {0};
            List<List<Object>> keys = page.list(c, rs -> {
                total[0] = rs.getLong("total");
                return Arrays.asList(Sql.uuid(rs, "session_id"), rs.getString("hostname"));
            });
            if (keys.isEmpty() && p.page() > 1) total[0] = count.list(c, rs -> rs.getLong(1)).getFirst();
            return new SessionPage(rows(c, scope, search.apply("e"), keys), total[0], p.page(), p.pageSize());
        });
    }

    /** The page's rows in page order, their columns aggregated over the page sessions' events in scope. */
    private static List<Map<String, Object>> rows(java.sql.Connection c, EventScope scope, SqlText search, List<List<Object>> keys)
            throws SQLException {
        if (keys.isEmpty()) return List.of();
        SqlText sql = new SqlText().add("SELECT " + SessionPageSql.rowColumns(scope.dialect()) + " FROM event e")
                .addAll(scope.where(io.footfall.query.EventScope.ACTIVITY)).addAll(search).add(" AND e.session_id IN (");
        List<Object> ids = keys.stream().map(List::getFirst).distinct().toList();
        for (int i = 0; i < ids.size(); i++) sql.add(i == 0 ? "?" : ", ?", ids.get(i));
        sql.add(") GROUP BY e.session_id, e.hostname");
        Map<List<Object>, Map<String, Object>> byKey = new HashMap<>();
        sql.list(c, rs -> {
            Map<String, Object> m = SessionPageSql.row(scope, rs);
            byKey.put(Arrays.asList(m.get("id"), m.get("hostname")), m);
            return m;
        });
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> k : keys) {
            Map<String, Object> m = byKey.get(k);
            if (m == null) throw new IllegalStateException("session " + k.getFirst() + " has no events in the range for its list row");
            out.add(m);
        }
        return out;
    }
}
