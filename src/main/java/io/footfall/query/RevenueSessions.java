package io.footfall.query;

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
        SqlText where = scope.where(EventScope.ACTIVITY);
        if (p.search() != null) where.addAll(search("e", p.search()));
        // Only the page's paying sessions get their columns, as in the sessions list.
        SqlText page = SessionPageSql.page(scope, where, paying(scope, currency));
        SqlText count = SessionPageSql.count(where, paying(scope, currency));
        return store.read(c -> {
            long[] total = {0};
            List<Map<String, Object>> data = page.list(c, rs -> {
                total[0] = rs.getLong("total");
                return SessionPageSql.row(scope, rs);
            });
            if (data.isEmpty() && p.page() > 1) total[0] = count.list(c, rs -> rs.getLong(1)).getFirst();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", data);
            body.put("count", total[0]);
            body.put("page", p.page());
            body.put("pageSize", p.pageSize());
            return body;
        });
    }

    /** {@code AND} the row's session paid in the currency within the range ({@link #payingSessions}). */
    private static SqlText paying(EventScope scope, String currency) {
        return new SqlText().add(" AND e.session_id IN (").addAll(payingSessions(scope, currency)).add(")");
    }

    /**
     * The sessions that paid in the currency within the range, a {@code SELECT} of {@code session_id} (a session once per
     * payment). The small sides on the right (the engine builds hash tables from the right): payments by event id, then
     * their sessions. Custom events (a data row carries its event's type) are found through their id (PostgreSQL: the
     * index V10); a payment on another event type, rare, is looked up in the range.
     */
    public static SqlText payingSessions(EventScope scope, String currency) {
        QueryParams p = scope.params();
        return new SqlText().add("SELECT pe.session_id FROM event pe WHERE pe.website_id = ? AND pe.created_at BETWEEN ? AND ?"
                        + " AND pe.event_type = 2 AND pe.event_id IN (SELECT r.event_id", scope.websiteId(), p.startAt(), p.endAt())
                .addAll(payments(scope, currency, "r.event_type = 2"))
                .add(") UNION ALL ").addAll(otherPayingSessions(scope, currency));
    }

    /**
     * The part of {@link #payingSessions} whose payment data rows are not a custom event's: a {@code SELECT} of
     * {@code session_id}. Rare; a rollup of custom events' payments (DuckDB's {@code revenue_event}) adds this part.
     */
    public static SqlText otherPayingSessions(EventScope scope, String currency) {
        QueryParams p = scope.params();
        return new SqlText().add("SELECT pe.session_id FROM event pe WHERE pe.website_id = ? AND pe.created_at BETWEEN ? AND ?"
                        + " AND pe.event_id IN (SELECT r.event_id", scope.websiteId(), p.startAt(), p.endAt())
                .addAll(payments(scope, currency, "(r.event_type IS NULL OR r.event_type <> 2)"))
                .add(")");
    }

    /** The rest of a {@code SELECT r.event_id}: the payments in the currency whose data rows meet {@code typeCondition}. */
    private static SqlText payments(EventScope scope, String currency, String typeCondition) {
        QueryParams p = scope.params();
        return new SqlText().add(" FROM event_data r JOIN event_data cur ON cur.website_id = r.website_id AND cur.event_id = r.event_id"
                        + " WHERE r.website_id = ? AND r.created_at BETWEEN ? AND ? AND r.data_key = 'revenue' AND r.number_value <> 0"
                        + " AND " + typeCondition + " AND cur.website_id = ? AND cur.created_at BETWEEN ? AND ? AND cur.data_key = 'currency'"
                        + " AND upper(cur.string_value) = ?",
                scope.websiteId(), p.startAt(), p.endAt(), scope.websiteId(), p.startAt(), p.endAt(), currency.toUpperCase(Locale.ROOT));
    }

    /** The search over {@code alias}'s columns; literal, case-insensitive: {@code %} and {@code _} in it are ordinary characters. */
    public static SqlText search(String alias, String search) {
        SqlText s = new SqlText().add(" AND (");
        List<String> columns = List.of("browser", "os", "device", "city");
        for (int i = 0; i < columns.size(); i++) {
            s.add((i == 0 ? "" : " OR ") + "strpos(lower(" + alias + "." + columns.get(i) + "), lower(?)) > 0", search);
        }
        return s.add(")");
    }
}
