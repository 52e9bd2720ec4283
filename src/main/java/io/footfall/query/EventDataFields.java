package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Event data property values with their counts, {@code [{propertyName, dataType, value, total}]}, most common first, at most 100. */
public final class EventDataFields {
    private EventDataFields() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText().add("SELECT d.data_key, " + DataValues.groupColumns(scope.dialect(), "d")
                        + ", count(*) AS total")
                .addAll(EventDataJoin.fromWhere(scope, EventScope.ACTIVITY))
                .add(" GROUP BY 1, 2, 3, 4, 5 ORDER BY total DESC, 1, 2, 3, 4, 5 LIMIT 100");
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("propertyName", rs.getString(1));
            m.put("dataType", rs.getInt(2));
            m.put("value", DataValues.display(rs, 2));
            m.put("total", rs.getLong(6));
            return m;
        }));
    }
}
