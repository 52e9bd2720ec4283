package io.footfall.query;

import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One page of the events list and the number of all its rows. */
public record EventPage(List<Map<String, Object>> data, long count, int page, int pageSize) {

    /** One list row from a result with the page columns. */
    public static Map<String, Object> row(java.sql.ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Sql.uuid(rs, "event_id"));
        m.put("websiteId", Sql.uuid(rs, "website_id"));
        m.put("sessionId", Sql.uuid(rs, "session_id"));
        m.put("createdAt", Sql.instant(rs, "created_at"));
        m.put("hostname", rs.getString("hostname"));
        m.put("urlPath", rs.getString("url_path"));
        m.put("urlQuery", rs.getString("url_query"));
        m.put("referrerPath", rs.getString("referrer_path"));
        m.put("referrerQuery", rs.getString("referrer_query"));
        m.put("referrerDomain", rs.getString("referrer_domain"));
        m.put("country", rs.getString("country"));
        m.put("city", rs.getString("city"));
        m.put("device", rs.getString("device"));
        m.put("os", rs.getString("os"));
        m.put("browser", rs.getString("browser"));
        m.put("pageTitle", rs.getString("page_title"));
        m.put("eventType", rs.getInt("event_type"));
        m.put("eventName", rs.getString("event_name"));
        return m;
    }
}
