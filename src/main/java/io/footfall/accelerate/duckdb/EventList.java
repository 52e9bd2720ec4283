package io.footfall.accelerate.duckdb;

import io.footfall.query.QueryParams;
import io.footfall.query.Parallel;
import io.footfall.query.EventPage;
import io.footfall.query.SqlText;
import io.footfall.query.TextSearch;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One page of the events in a range, newest first, every type; {@code search} matches custom-event
 * names and pageview paths (case-insensitive substring).
 */
public final class EventList {
    private EventList() {
    }

    public static EventPage run(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        SqlText where = scope.where(EventScope.ANY_TYPE);
        if (p.search() != null) where.addAll(TextSearch.events(scope.dialect(), "e", p.search()));
        SqlText count = EventCount.covers(p) ? EventCount.sql(store, scope) : new SqlText().add("SELECT count(*) FROM event e").addAll(where);
        var both = Parallel.both(() -> page(store, scope, where), () -> store.read(c -> count.list(c, rs -> rs.getLong(1)).getFirst()));
        List<Map<String, Object>> data = both.first();
        long total = both.second();
        return store.read(c -> {
            // has_data for the page's rows only, by id: a correlated EXISTS would join all of event_data.
            Set<UUID> withData = new HashSet<>();
            if (!data.isEmpty()) {
                // Bounded by the page's times too (a data row carries its event's): the engine then skips the
                // other blocks of event_data instead of probing every row.
                java.time.Instant oldest = (java.time.Instant) data.getLast().get("createdAt");
                java.time.Instant newest = (java.time.Instant) data.getFirst().get("createdAt");
                SqlText ids = new SqlText().add("SELECT DISTINCT d.event_id FROM event_data d WHERE d.website_id = ? "
                        + "AND d.created_at BETWEEN ? AND ? AND d.event_id IN (", scope.websiteId(), oldest, newest);
                for (int i = 0; i < data.size(); i++) ids.add(i == 0 ? "?" : ", ?", data.get(i).get("id"));
                ids.add(")");
                withData.addAll(ids.list(c, rs -> Sql.uuid(rs, "event_id")));
            }
            for (Map<String, Object> m : data) m.put("hasData", withData.contains((UUID) m.get("id")) ? 1 : 0);
            return new EventPage(data, total, p.page(), p.pageSize());
        });
    }

    /**
     * The page's rows, newest first. The newest rows of a range lie at its end, so they are looked for in a
     * window there first, widened sixteenfold until it holds a full page or reaches the range's start: a
     * window holding a full page holds every row the page would take from the whole range, and the engine
     * skips the blocks before it instead of ranking every row of a long range.
     */
    private static List<Map<String, Object>> page(EventStore store, EventScope scope, SqlText where) throws SQLException {
        QueryParams p = scope.params();
        java.time.Duration width = java.time.Duration.ofHours(1);
        while (true) {
            java.time.Instant from = p.endAt().minus(width);
            boolean whole = !from.isAfter(p.startAt());
            SqlText rows = new SqlText().add("SELECT e.event_id, e.website_id, e.session_id, e.created_at, e.hostname, e.url_path, "
                            + "e.url_query, e.referrer_path, e.referrer_query, e.referrer_domain, e.country, e.city, e.device, e.os, "
                            + "e.browser, e.page_title, e.event_type, e.event_name FROM event e")
                    .addAll(where);
            if (!whole) rows.add(" AND e.created_at >= ?", from);
            rows.add(" ORDER BY e.created_at DESC, e.event_id LIMIT ? OFFSET ?", p.pageSize(), (long) (p.page() - 1) * p.pageSize());
            List<Map<String, Object>> data = store.read(c -> rows.list(c, EventPage::row));
            if (whole || data.size() == p.pageSize()) return data;
            width = width.multipliedBy(16);
        }
    }
}
