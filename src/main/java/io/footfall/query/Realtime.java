package io.footfall.query;

import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The realtime view of the last 30 minutes, as Umami builds it: per-minute views and visitors (UTC),
 * and from the newest 100 events an activity list (plus one {@code session} entry where each session
 * first appears) with countries counted per session and urls/referrers per event.
 */
public final class Realtime {
    static final int ACTIVITY_ROWS = 100;

    private Realtime() {
    }

    public static Map<String, Object> run(EventStore store, EventScope scope, long nowMillis) throws SQLException {
        PageviewSeries.Series series = PageviewSeries.run(store, scope);
        SqlText sql = new SqlText().add("SELECT e.session_id, e.event_name, e.created_at, e.browser, e.os, e.device, e.country, "
                        + "e.url_path, e.referrer_domain, e.hostname FROM event e")
                .addAll(scope.where(EventScope.ANY_TYPE))
                .add(" ORDER BY e.created_at DESC, e.event_id LIMIT " + ACTIVITY_ROWS);
        List<Map<String, Object>> activity = store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sessionId", Sql.uuid(rs, "session_id"));
            m.put("eventName", rs.getString("event_name"));
            m.put("createdAt", Sql.instant(rs, "created_at"));
            m.put("browser", rs.getString("browser"));
            m.put("os", rs.getString("os"));
            m.put("device", rs.getString("device"));
            m.put("country", rs.getString("country"));
            m.put("urlPath", rs.getString("url_path"));
            m.put("referrerDomain", rs.getString("referrer_domain"));
            m.put("hostname", rs.getString("hostname"));
            return m;
        }));

        Map<String, Long> countries = new LinkedHashMap<>();
        Map<String, Long> urls = new LinkedHashMap<>();
        Map<String, Long> referrers = new LinkedHashMap<>();
        List<Map<String, Object>> events = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        long customEvents = 0;
        List<Map<String, Object>> oldestFirst = new ArrayList<>(activity);
        Collections.reverse(oldestFirst);
        for (Map<String, Object> e : oldestFirst) {
            String eventName = (String) e.get("eventName");
            if (eventName != null && !eventName.isEmpty()) customEvents++;
            if (seen.add((UUID) e.get("sessionId"))) {
                increment(countries, (String) e.get("country"));
                events.add(typed("session", e));
            }
            increment(urls, (String) e.get("urlPath"));
            increment(referrers, (String) e.get("referrerDomain"));
            events.add(typed(eventName != null && !eventName.isEmpty() ? "event" : "pageview", e));
        }
        Collections.reverse(events);

        long views = series.pageviews().stream().mapToLong(PageviewSeries.Point::y).sum();
        long visitors = series.sessions().stream().mapToLong(PageviewSeries.Point::y).sum();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("views", views);
        totals.put("visitors", visitors);
        totals.put("events", customEvents);
        totals.put("countries", countries.size());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("countries", countries);
        out.put("urls", urls);
        out.put("referrers", referrers);
        out.put("events", events);
        out.put("series", Map.of("views", series.pageviews(), "visitors", series.sessions()));
        out.put("totals", totals);
        out.put("timestamp", nowMillis);
        return out;
    }

    private static Map<String, Object> typed(String type, Map<String, Object> e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__type", type);
        m.putAll(e);
        return m;
    }

    private static void increment(Map<String, Long> counts, String key) {
        if (key != null && !key.isEmpty()) counts.merge(key, 1L, Long::sum);
    }
}
