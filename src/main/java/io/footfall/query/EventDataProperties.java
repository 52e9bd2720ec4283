package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event data properties per event name, {@code [{eventName, propertyName, total}]}, most common first,
 * at most 500; {@code propertyName} (optional) keeps one property.
 */
public final class EventDataProperties {
    private EventDataProperties() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope, String propertyName) throws SQLException {
        SqlText sql = new SqlText().add("SELECT " + EventDataJoin.eventName(scope.params()) + ", d.data_key, count(*) AS total")
                .addAll(EventDataJoin.fromWhere(scope, EventScope.ACTIVITY));
        if (propertyName != null) sql.add(" AND d.data_key = ?", propertyName);
        sql.add(" GROUP BY 1, 2 ORDER BY total DESC, 1, 2 LIMIT 500");
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eventName", rs.getString(1));
            m.put("propertyName", rs.getString(2));
            m.put("total", rs.getLong(3));
            return m;
        }));
    }
}
