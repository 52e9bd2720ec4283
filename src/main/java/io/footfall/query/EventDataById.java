package io.footfall.query;

import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The data rows of one event, in key order, with the event's session, path and name; an unknown event has none. */
public final class EventDataById {
    private EventDataById() {
    }

    public static List<Map<String, Object>> run(EventStore store, UUID websiteId, UUID eventId) throws SQLException {
        SqlText sql = new SqlText().add("SELECT e.session_id, e.url_path, e.event_name, d.data_key, d.string_value, d.number_value, "
                + "d.date_value, d.data_type, d.created_at FROM event_data d JOIN event e ON e.website_id = d.website_id "
                + "AND e.event_id = d.event_id WHERE d.website_id = ? AND d.event_id = ? ORDER BY d.data_key", websiteId, eventId);
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("websiteId", websiteId);
            m.put("sessionId", Sql.uuid(rs, "session_id"));
            m.put("eventId", eventId);
            m.put("urlPath", rs.getString("url_path"));
            m.put("eventName", rs.getString("event_name"));
            m.putAll(EventDataPage.propertyOf(rs));
            return m;
        }));
    }
}
