package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top values of one dimension: {@code [{x, y}]} sorted by y descending, where y is distinct sessions
 * (events for {@code type=event}); region and city rows also carry their country.
 */
public final class Metrics {
    private Metrics() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope, MetricType type) throws SQLException {
        QueryParams p = scope.params();
        if (p.search() != null && type.searchColumn() != null) {
            scope = scope.withParams(p.withFilter(new Filter(type.name(), type.searchColumn(), Operator.CONTAINS,
                    List.of(p.search()))));
        }
        String y = type.countsEvents() ? "count(*)" : "count(DISTINCT e.session_id)";
        String country = type.carriesCountry() ? ", e.country" : "";
        SqlText sql = new SqlText().add("SELECT " + type.expression() + " AS x, " + y + " AS y" + country)
                .addAll(type.from(scope))
                .addAll(scope.where(type.typeCondition()))
                .add(type.extraWhere())
                .add(" GROUP BY 1" + (country.isEmpty() ? "" : ", 3"))
                .add(type.name().equals("channel") ? " HAVING " + type.expression() + " IS NOT NULL" : "")
                .add(" ORDER BY 2 DESC, 1" + (country.isEmpty() ? "" : ", 3") + " LIMIT ? OFFSET ?", p.limit(), p.offset());
        boolean withCountry = type.carriesCountry();
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", rs.getString(1));
            row.put("y", rs.getLong(2));
            if (withCountry) row.put("country", rs.getString(3));
            return row;
        }));
    }
}
