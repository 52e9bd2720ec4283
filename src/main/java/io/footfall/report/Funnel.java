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
import java.util.Optional;
import java.util.function.Function;

/**
 * The funnel report: of the visitors who reached step 1 (a row passing the filters), how many then reached
 * step 2 within {@code window} minutes of it, step 3 within the window after that, and so on. As Umami: each
 * level keeps every time a visitor reached its step (so a later step-1 row can still start a conversion),
 * step n must come at or after step n-1 and before the range ends, and the filters choose who enters.
 */
public final class Funnel {
    static final int MAX_WINDOW_MINUTES = 60 * 24 * 366;

    private Funnel() {
    }

    /** The report: where {@code rollups} cover it from their counts (no filters) or one-pass match, elsewhere {@link #plain}. */
    public static List<Map<String, Object>> run(ReportAccelerator rollups, EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        List<Step> steps = Step.list(parameters.get("steps"), 2, 8);
        int window = ReportInputs.wholeNumber(parameters, "window", 1, MAX_WINDOW_MINUTES);
        List<Function<String, SqlText>> conditions = steps.stream().<Function<String, SqlText>>map(s -> s::condition).toList();
        Optional<FunnelPieces> matched = rollups.funnel(scope);
        if (matched.isPresent() && scope.params().filters().isEmpty()) {
            // the rollup's rows carry no columns to filter on
            FunnelPieces pieces = matched.get();
            return answer(steps, store.readTogether(() -> pieces.counts(store, scope, conditions, window * 60L, Reports.REPORTABLE)));
        }
        SqlText sql = matched.isPresent() ? matched.get().match(scope, conditions, window * 60L, Reports.REPORTABLE) : levels(scope, steps, window);
        List<Long> counts = store.read(c -> sql.list(c, rs -> rs.getLong(2)));
        return answer(steps, counts);
    }

    /** The report from level-by-level joins with the event table: the reference the accelerated match is tested equal to. */
    public static List<Map<String, Object>> plain(EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        return run(ReportAccelerator.PLAIN, store, scope, parameters);
    }

    private static SqlText levels(EventScope scope, List<Step> steps, int window) {
        SqlText sql = new SqlText().add("WITH level1 AS (SELECT DISTINCT e.session_id, e.created_at FROM event e")
                .addAll(scope.where(Reports.REPORTABLE)).add(" AND ").addAll(steps.getFirst().condition("e")).add(")");
        String windowEnd = scope.dialect().plusSeconds("l.created_at", window * 60L);
        for (int i = 1; i < steps.size(); i++) {
            sql.add(", level" + (i + 1) + " AS (SELECT DISTINCT e.session_id, e.created_at FROM level" + i + " l"
                            + " JOIN event e ON e.session_id = l.session_id WHERE e.website_id = ? AND e.created_at <= ?"
                            + " AND e.created_at >= l.created_at AND e.created_at <= " + windowEnd + " AND " + Reports.REPORTABLE + " AND ",
                    scope.websiteId(), scope.params().endAt())
                    .addAll(steps.get(i).condition("e")).add(")");
        }
        for (int i = 1; i <= steps.size(); i++) {
            sql.add((i == 1 ? " " : " UNION ALL ") + "SELECT " + i + " AS level, count(DISTINCT session_id) AS visitors FROM level" + i);
        }
        return sql.add(" ORDER BY level");
    }

    private static List<Map<String, Object>> answer(List<Step> steps, List<Long> counts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            long visitors = counts.get(i);
            long previous = i == 0 ? 0 : counts.get(i - 1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", steps.get(i).type());
            m.put("value", steps.get(i).value());
            m.put("visitors", visitors);
            m.put("previous", previous);
            m.put("dropped", previous > 0 ? previous - visitors : 0);
            // Umami computes 1 - visitors / previous and visitors / first in JavaScript: a division by zero prints null
            m.put("dropoff", previous > 0 ? 1 - (double) visitors / previous : null);
            m.put("remaining", counts.getFirst() > 0 ? (double) visitors / counts.getFirst() : null);
            out.add(m);
        }
        return out;
    }
}
