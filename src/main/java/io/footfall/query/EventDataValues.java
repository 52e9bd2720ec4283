package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The values of one property of one custom event, {@code [{value, total}]}, most common first, at most
 * 100; the event is the scope's {@code event} filter.
 */
public final class EventDataValues {
    private EventDataValues() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope, String propertyName) throws SQLException {
        SqlText sql = new SqlText().add("SELECT " + DataValues.groupColumns(scope.dialect(), "d")
                        + ", count(*) AS total")
                .addAll(EventDataJoin.fromWhere(scope, EventScope.CUSTOM_EVENTS))
                .add(" AND d.data_key = ? GROUP BY 1, 2, 3, 4 ORDER BY total DESC LIMIT 100", propertyName);
        return store.read(c -> ValueCounts.merge(sql.list(c, rs -> Map.entry(DataValues.display(rs, 1), rs.getLong(5)))));
    }
}
