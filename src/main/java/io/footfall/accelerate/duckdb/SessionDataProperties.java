package io.footfall.accelerate.duckdb;

import io.footfall.query.SqlText;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Session data keys of the sessions active in the range (all filters apply to their events), each with
 * the number of sessions that have it, most common first.
 * Sessions are counted as rows: session_data holds one row per (website, session, key).
 */
public final class SessionDataProperties {
    private SessionDataProperties() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope, QueryOptions options) throws SQLException {
        SqlText sql = new SqlText().add("SELECT d.data_key, count(*) AS total FROM session_data d "
                        + "WHERE d.website_id = ? AND ", scope.websiteId())
                .addAll(ActiveSessionData.condition(store, scope, options))
                .add(" GROUP BY d.data_key ORDER BY total DESC, d.data_key LIMIT 500");
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("propertyName", rs.getString(1));
            m.put("total", rs.getLong(2));
            return m;
        }));
    }
}
