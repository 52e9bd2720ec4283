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
        SqlText grouped = new SqlText().add("SELECT " + SessionList.rowColumns(scope.dialect()) + " FROM event e")
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
        if (p.search() != null) grouped.addAll(search(p.search()));
        grouped.add(" GROUP BY e.session_id, e.hostname");
        SqlText count = new SqlText().add("SELECT count(*) FROM (").addAll(grouped).add(") s");
        long offset = (long) (p.page() - 1) * p.pageSize();
        SqlText page = new SqlText().addAll(grouped)
                .add(" ORDER BY last_at DESC, e.session_id, e.hostname LIMIT " + p.pageSize() + " OFFSET " + offset);
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
