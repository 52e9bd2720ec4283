package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event data by event name and property: {@code [{eventName, propertyName, dataType, total}]}, and when
 * one event is asked for ({@code event} filter), per value too ({@code propertyValue}). Real Umami 3.1
 * fails without {@code event}; here it lists every event.
 */
public final class EventDataEvents {
    private EventDataEvents() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope, boolean perValue) throws SQLException {
        SqlText sql = new SqlText();
        if (perValue) {
            sql.add("SELECT " + EventDataJoin.eventName(scope.params()) + ", d.data_key, " + DataValues.groupColumns(scope.dialect(), "d")
                    + ", count(*) AS total");
        } else {
            sql.add("SELECT " + EventDataJoin.eventName(scope.params()) + ", d.data_key, d.data_type, count(*) AS total");
        }
        sql.addAll(EventDataJoin.fromWhere(scope, EventScope.ACTIVITY));
        if (perValue) sql.add(" GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, total DESC, 4, 5, 6 LIMIT 500");
        else sql.add(" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT 500");
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eventName", rs.getString(1));
            m.put("propertyName", rs.getString(2));
            m.put("dataType", rs.getInt(3));
            if (perValue) {
                m.put("propertyValue", DataValues.display(rs, 3));
                m.put("total", rs.getLong(7));
            } else {
                m.put("total", rs.getLong(4));
            }
            return m;
        }));
    }
}
