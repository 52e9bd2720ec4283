package io.footfall.accelerate.duckdb;

import io.footfall.query.Buckets;
import io.footfall.query.TimeUnit;
import io.footfall.query.SqlText;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Custom events per name and time bucket: {@code [{x: name, t: bucket, y: count}]}, ordered by bucket, then name. */
public final class EventSeries {
    private EventSeries() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = EventHourly.covers(scope.params()) && scope.params().unit() != TimeUnit.MINUTE
                ? new SqlText().add("SELECT x, b, sum(n)::BIGINT FROM (").addAll(EventHourly.rows(store, scope, true))
                        .add(") t GROUP BY x, b HAVING sum(n) > 0 ORDER BY b, x")
                : new SqlText().add("SELECT x, b, count(*) FROM (SELECT e.event_name AS x, ")
                        .addAll(scope.bucket("e.created_at"))
                        .add(" AS b FROM event e")
                        .addAll(scope.where(EventScope.CUSTOM_EVENTS))
                        .add(") t GROUP BY x, b ORDER BY b, x");
        boolean iso = scope.params().isoUtc();
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x", rs.getString(1));
            m.put("t", Buckets.read(rs, 2, iso));
            m.put("y", rs.getLong(3));
            return m;
        }));
    }
}
