package io.footfall.query;

import io.footfall.accelerate.duckdb.SessionList;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of the sessions that paid in a currency within the range, newest last activity first, in the rows
 * of the sessions list ({@code {data, count, page, pageSize}}). A payment is an event whose data carries a
 * number {@code revenue} (not 0) and a {@code currency} (compared case-insensitively), as Umami records
 * revenue. The columns count the sessions' activity in the range that passes the filters; {@code search}
 * matches browser, OS, device or city.
 */
public final class RevenueSessions {
    private RevenueSessions() {
    }

    public static Map<String, Object> run(EventStore store, EventScope scope, String currency) throws SQLException {
        QueryParams p = scope.params();
        var d = scope.dialect();
        // Numbers per visit, then per session: no distinct count and no text in the aggregate states, which the
        // database cannot spill (90 days of payers ran out of a 512m budget's share with count(DISTINCT visit_id)).
        SqlText visits = new SqlText().add("SELECT e.session_id, e.hostname, e.visit_id, min(e.created_at) AS first_at, max(e.created_at) AS last_at,"
                        + " sum(CASE WHEN e.event_type = 1 THEN 1 ELSE 0 END) AS views, sum(CASE WHEN e.event_type = 2 THEN 1 ELSE 0 END) AS events"
                        + " FROM event e")
                .addAll(scope.where(EventScope.ACTIVITY))
                // The small sides on the right (the engine builds hash tables from the right): payments by event id,
                // then their sessions.
                .add(" AND e.session_id IN (SELECT pe.session_id FROM event pe WHERE pe.website_id = ? AND pe.created_at BETWEEN ? AND ?"
                        + " AND pe.event_id IN (SELECT r.event_id FROM event_data r"
                        + " JOIN event_data cur ON cur.website_id = r.website_id AND cur.event_id = r.event_id"
                        + " WHERE r.website_id = ? AND r.created_at BETWEEN ? AND ? AND r.data_key = 'revenue' AND r.number_value <> 0"
                        + " AND cur.website_id = ? AND cur.created_at BETWEEN ? AND ? AND cur.data_key = 'currency'"
                        + " AND upper(cur.string_value) = ?))",
                        scope.websiteId(), p.startAt(), p.endAt(), scope.websiteId(), p.startAt(), p.endAt(),
                        scope.websiteId(), p.startAt(), p.endAt(), currency.toUpperCase(Locale.ROOT));
        if (p.search() != null) visits.addAll(search(p.search()));
        visits.add(" GROUP BY e.session_id, e.hostname, e.visit_id");
        SqlText grouped = new SqlText().add("SELECT v.session_id, v.hostname, min(v.first_at) AS first_at, max(v.last_at) AS last_at,"
                + " count(*) AS visits, sum(v.views) AS views, sum(v.events) AS events FROM (").addAll(visits).add(") v GROUP BY v.session_id, v.hostname");
        SqlText count = new SqlText().add("SELECT count(*) FROM (").addAll(grouped).add(") s");
        long offset = (long) (p.page() - 1) * p.pageSize();
        // The attributes of the page's sessions only: those of each one's first row in the range (the rows at first_at).
        StringBuilder firsts = new StringBuilder();
        for (String col : List.of("browser", "os", "device", "screen", "language", "country", "region", "city")) {
            firsts.append(d.firstBy("e." + col, "e.created_at")).append(" AS ").append(col).append(", ");
        }
        SqlText page = new SqlText().add("WITH pg AS " + d.materialized() + "(").addAll(grouped)
                .add(" ORDER BY last_at DESC, session_id, hostname LIMIT " + p.pageSize() + " OFFSET " + offset + ")"
                        + " SELECT pg.session_id, pg.hostname, " + firsts + "pg.first_at, pg.last_at, pg.visits, pg.views, pg.events"
                        + " FROM event e JOIN pg ON e.session_id = pg.session_id AND e.created_at = pg.first_at"
                        + " AND e.hostname IS NOT DISTINCT FROM pg.hostname")
                .addAll(scope.where(EventScope.ACTIVITY));
        if (p.search() != null) page.addAll(search(p.search()));
        page.add(" GROUP BY pg.session_id, pg.hostname, pg.first_at, pg.last_at, pg.visits, pg.views, pg.events"
                + " ORDER BY pg.last_at DESC, pg.session_id, pg.hostname");
        return store.read(c -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", page.list(c, rs -> SessionList.row(scope, rs)));
            body.put("count", count.list(c, rs -> rs.getLong(1)).getFirst());
            body.put("page", p.page());
            body.put("pageSize", p.pageSize());
            return body;
        });
    }

    /** Literal, case-insensitive: {@code %} and {@code _} in the search are ordinary characters. */
    private static SqlText search(String search) {
        SqlText s = new SqlText().add(" AND (");
        List<String> columns = List.of("browser", "os", "device", "city");
        for (int i = 0; i < columns.size(); i++) {
            s.add((i == 0 ? "" : " OR ") + "strpos(lower(e." + columns.get(i) + "), lower(?)) > 0", search);
        }
        return s.add(")");
    }
}
