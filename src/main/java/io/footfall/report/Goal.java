package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The goal report, as Umami's: {@code num} = how many pageviews of the path (or custom events of the name)
 * passed the filters, {@code total} = how many visitors had a pageview (or a custom event) passing them.
 */
public final class Goal {
    private Goal() {
    }

    public static Map<String, Object> run(EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        Step goal = Step.of(ReportInputs.text(parameters, "type", "type"), ReportInputs.text(parameters, "value", "value"), "goal");
        String type = goal.type().equals("path") ? Reports.PAGEVIEWS : "e.event_type = 2";
        SqlText sql = new SqlText().add("SELECT count(CASE WHEN ").addAll(goal.condition("e"))
                .add(" THEN 1 END) AS num, count(DISTINCT e.session_id) AS total FROM event e").addAll(scope.where(type));
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("num", rs.getLong("num"));
            m.put("total", rs.getLong("total"));
            return m;
        }).getFirst());
    }
}
