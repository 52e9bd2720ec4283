package io.footfall.query;

import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A session's timeline in the range, newest first, at most 500 rows (as Umami): each pageview, custom
 * event, link or pixel hit with its visit and whether it carries event data.
 */
public final class SessionActivity {
    public static final int MAX_ROWS = 500;

    private SessionActivity() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope, UUID sessionId) throws SQLException {
        SqlText sql = new SqlText().add("SELECT e.created_at, e.url_path, e.url_query, e.referrer_domain, e.event_id, "
                        + "e.event_type, e.event_name, e.visit_id, EXISTS (SELECT 1 FROM event_data d WHERE d.website_id = e.website_id "
                        + "AND d.event_id = e.event_id) AS has_data FROM event e")
                .addAll(scope.where(EventScope.ACTIVITY))
                .add(" AND e.session_id = ? ORDER BY e.created_at DESC, e.event_id LIMIT " + MAX_ROWS, sessionId);
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("createdAt", Sql.instant(rs, "created_at"));
            m.put("urlPath", rs.getString("url_path"));
            m.put("urlQuery", rs.getString("url_query"));
            m.put("referrerDomain", rs.getString("referrer_domain"));
            m.put("eventId", Sql.uuid(rs, "event_id"));
            m.put("eventType", rs.getInt("event_type"));
            m.put("eventName", rs.getString("event_name"));
            m.put("visitId", Sql.uuid(rs, "visit_id"));
            m.put("hasData", rs.getBoolean("has_data") ? 1 : 0);
            return m;
        }));
    }
}
