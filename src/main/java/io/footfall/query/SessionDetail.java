package io.footfall.query;

import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One session over its whole life: attributes from its first row, the distinct id (from its events,
 * else from an identify call), first and last activity, visits, pageviews, custom events and total time
 * (per visit, last minus first activity, in seconds, summed). An unknown session is an empty map.
 */
public final class SessionDetail {
    private static final List<String> ATTRIBUTES = List.of("browser", "os", "device", "screen", "language", "country",
            "region", "city");

    private SessionDetail() {
    }

    public static Map<String, Object> run(EventStore store, Dialect d, UUID websiteId, UUID sessionId) throws SQLException {
        StringBuilder perVisit = new StringBuilder("SELECT e.visit_id, min(e.created_at) AS first_at, max(e.created_at) AS last_at, "
                + "max(e.distinct_id) AS distinct_id, sum(CASE WHEN e.event_type = 1 THEN 1 ELSE 0 END) AS views, "
                + "sum(CASE WHEN e.event_type = 2 THEN 1 ELSE 0 END) AS events");
        StringBuilder outer = new StringBuilder("SELECT ");
        for (String a : ATTRIBUTES) {
            perVisit.append(", ").append(d.firstBy("e." + a, "e.created_at")).append(" AS ").append(a);
            outer.append(d.firstBy("v." + a, "v.first_at")).append(" AS ").append(a).append(", ");
        }
        perVisit.append(" FROM event e WHERE e.website_id = ? AND e.session_id = ? AND ").append(EventScope.ACTIVITY)
                .append(" GROUP BY e.visit_id");
        outer.append("coalesce(max(v.distinct_id), (SELECT max(s.distinct_id) FROM session_data s WHERE s.website_id = ? "
                        + "AND s.session_id = ?)) AS distinct_id, min(v.first_at) AS first_at, max(v.last_at) AS last_at, "
                        + "count(*) AS visits, sum(v.views) AS views, sum(v.events) AS events, sum(")
                .append(d.secondsBetween("v.first_at", "v.last_at")).append(") AS totaltime FROM (").append(perVisit)
                .append(") v");
        SqlText sql = new SqlText().add(outer.toString(), websiteId, sessionId, websiteId, sessionId);
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            if (rs.getLong("visits") == 0) return m;
            m.put("id", sessionId);
            m.put("websiteId", websiteId);
            m.put("distinctId", rs.getString("distinct_id"));
            for (String a : ATTRIBUTES) m.put(a, rs.getString(a));
            m.put("firstAt", Sql.instant(rs, "first_at"));
            m.put("lastAt", Sql.instant(rs, "last_at"));
            m.put("visits", rs.getLong("visits"));
            m.put("views", rs.getLong("views"));
            m.put("events", rs.getLong("events"));
            m.put("totaltime", rs.getLong("totaltime"));
            return m;
        }).getFirst());
    }
}
