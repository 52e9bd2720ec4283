package io.footfall.query;

import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A session's data (what identify calls set), one row per key in key order, numbers without {@code .0000}. */
public final class SessionProperties {
    private SessionProperties() {
    }

    public static List<Map<String, Object>> run(EventStore store, UUID websiteId, UUID sessionId) throws SQLException {
        SqlText sql = new SqlText().add("SELECT d.data_key, d.data_type, d.string_value, d.number_value, d.date_value, "
                + "d.created_at FROM session_data d WHERE d.website_id = ? AND d.session_id = ? ORDER BY d.data_key", websiteId, sessionId);
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("websiteId", websiteId);
            m.put("sessionId", sessionId);
            m.put("dataKey", rs.getString("data_key"));
            m.put("dataType", rs.getInt("data_type"));
            m.put("stringValue", DataValues.number(rs.getString("string_value")));
            m.put("numberValue", DataValues.decimal(rs.getObject("number_value", BigDecimal.class)));
            m.put("dateValue", Sql.instant(rs, "date_value"));
            m.put("createdAt", Sql.instant(rs, "created_at"));
            return m;
        }));
    }
}
