package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journey report as first written (every row of the range numbered per visit by a window function, then
 * pivoted): the straightforward reference the faster {@link Journey} must agree with.
 */
final class JourneyReference {
    private JourneyReference() {
    }

    static List<Map<String, Object>> run(EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        int steps = ReportInputs.wholeNumber(parameters, "steps", 3, Journey.MAX_STEPS);
        String startStep = ReportInputs.optionalText(parameters, "startStep", "startStep");
        String endStep = ReportInputs.optionalText(parameters, "endStep", "endStep");
        StringBuilder columns = new StringBuilder();
        StringBuilder pivots = new StringBuilder();
        for (int i = 1; i <= steps; i++) {
            columns.append(i == 1 ? "" : ", ").append("e").append(i);
            pivots.append(", max(CASE WHEN n = ").append(i).append(" THEN item END) AS e").append(i);
        }
        SqlText sql = new SqlText().add("WITH items AS (SELECT e.visit_id, coalesce(nullif(e.event_name, ''), e.url_path) AS item,"
                        + " row_number() OVER (PARTITION BY e.visit_id ORDER BY e.created_at, e.event_type, e.event_id) AS n FROM event e")
                .addAll(scope.where(Reports.REPORTABLE))
                .add("), sequences AS (SELECT visit_id" + pivots + " FROM items WHERE n <= " + steps + " GROUP BY visit_id)"
                        + " SELECT " + columns + ", count(*) AS count FROM sequences WHERE 1 = 1");
        if (startStep != null) sql.add(" AND e1 = ?", startStep);
        if (endStep != null) {
            sql.add(" AND (");
            for (int i = 1; i < steps; i++) sql.add("(e" + i + " = ? AND e" + (i + 1) + " IS NULL) OR ", endStep);
            sql.add("e" + steps + " = ?)", endStep);
        }
        sql.add(" GROUP BY " + columns + " ORDER BY count DESC, " + columns + " LIMIT 100");
        return store.read(c -> sql.list(c, rs -> {
            List<Object> raw = new ArrayList<>();
            for (int i = 1; i <= steps; i++) raw.add(rs.getString(i));
            if (steps < Journey.MAX_STEPS) raw.add(Journey.END);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("items", Journey.collapse(raw));
            m.put("count", rs.getLong(steps + 1));
            return m;
        }));
    }
}
