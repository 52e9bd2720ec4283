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

/**
 * The journey report: the 100 most common sequences of the first {@code steps} items of a visit, an item being
 * the event name of a custom event or the path of a page. {@code startStep} keeps sequences that begin with it;
 * {@code endStep} those whose last item (before the visit ended or at the last step) is it.
 */
public final class Journey {
    static final int MAX_STEPS = 7;
    static final Object END = new Object();

    private Journey() {
    }

    /** The report: from the per-visit rollup where it covers the request ({@code rollups}), else from events. */
    public static List<Map<String, Object>> run(ReportAccelerator rollups, EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        int steps = ReportInputs.wholeNumber(parameters, "steps", 3, MAX_STEPS);
        String startStep = ReportInputs.optionalText(parameters, "startStep", "startStep");
        String endStep = ReportInputs.optionalText(parameters, "endStep", "endStep");
        Optional<JourneyPieces> rolled = rollups.journey(scope);
        if (rolled.isPresent()) {
            JourneyPieces pieces = rolled.get();
            return store.readTogether(() -> {
                SqlText sql = pieces.query(store, scope, steps, startStep, endStep);
                return store.read(c -> sql.list(c, rs -> row(rs, steps)));
            });
        }
        StringBuilder columns = new StringBuilder();
        StringBuilder pivots = new StringBuilder();
        for (int i = 1; i <= steps; i++) {
            columns.append(i == 1 ? "" : ", ").append("e").append(i);
            pivots.append(", max(CASE WHEN n = ").append(i).append(" THEN item END) AS e").append(i);
        }
        SqlText sql = new SqlText().add("WITH items AS (SELECT e.visit_id, " + item("e") + " AS item,"
                        + " row_number() OVER (PARTITION BY e.visit_id ORDER BY e.created_at, e.event_type, e.event_id) AS n FROM event e")
                .addAll(scope.where(Reports.REPORTABLE));
        // Only visits holding the start or end item anywhere in the range can begin or end with it: numbering the rows
        // of the other visits (the window function's sort, most of the cost) is skipped. The filters still apply above.
        if (startStep != null) sql.addAll(holding(scope, startStep));
        if (endStep != null && !endStep.equals(startStep)) sql.addAll(holding(scope, endStep));
        sql.add("), sequences AS (SELECT visit_id" + pivots + " FROM items WHERE n <= " + steps + " GROUP BY visit_id)"
                        + " SELECT " + columns + ", count(*) AS count FROM sequences WHERE 1 = 1");
        if (startStep != null) sql.add(" AND e1 = ?", startStep);
        if (endStep != null) {
            sql.add(" AND (");
            for (int i = 1; i < steps; i++) sql.add("(e" + i + " = ? AND e" + (i + 1) + " IS NULL) OR ", endStep);
            sql.add("e" + steps + " = ?)", endStep);
        }
        sql.add(" GROUP BY " + columns + " ORDER BY count DESC, " + columns + " LIMIT 100");
        return store.read(c -> sql.list(c, rs -> row(rs, steps)));
    }

    /** The report read from events only: the reference the rollup path is tested equal to. */
    public static List<Map<String, Object>> plain(EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        return run(ReportAccelerator.PLAIN, store, scope, parameters);
    }

    /** One answer row: the sequence's items ({@link #collapse}d) and its count. */
    private static Map<String, Object> row(java.sql.ResultSet rs, int steps) throws SQLException {
        List<Object> raw = new ArrayList<>();
        for (int i = 1; i <= steps; i++) raw.add(rs.getString(i));
        if (steps < MAX_STEPS) raw.add(END);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", collapse(raw));
        m.put("count", rs.getLong(steps + 1));
        return m;
    }

    /** A row's journey item: the custom event's name, else the page's path. */
    static String item(String alias) {
        return "coalesce(nullif(" + alias + ".event_name, ''), " + alias + ".url_path)";
    }

    /** {@code AND e.visit_id IN (visits of the range with a reportable row whose item is {@code value})}. */
    private static SqlText holding(EventScope scope, String value) {
        var p = scope.params();
        return new SqlText().add(" AND e.visit_id IN (SELECT h.visit_id FROM event h WHERE h.website_id = ? AND h.created_at BETWEEN ? AND ? AND "
                + Reports.REPORTABLE.replace("e.", "h.") + " AND " + item("h") + " = ?)", scope.websiteId(), p.startAt(), p.endAt(), value);
    }

    /**
     * Umami's items: the seven step columns with repeats in a row merged, where the columns beyond
     * {@code steps} (absent) merge into one and differ from a step without an item (null); both print as null.
     */
    static List<String> collapse(List<Object> raw) {
        List<String> out = new ArrayList<>();
        Object previous = null;
        for (int i = 0; i < raw.size(); i++) {
            Object v = raw.get(i);
            if (i > 0 && java.util.Objects.equals(v, previous)) continue;
            out.add(v == END ? null : (String) v);
            previous = v;
        }
        return out;
    }
}
