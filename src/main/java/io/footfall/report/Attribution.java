package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.query.EventScope;
import io.footfall.query.QueryException;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attribution report, as Umami's: the visitors who converted (a pageview of the step's path, or a custom event
 * of its name, passing the filters; with {@code currency}, a payment on that path or event) are credited to the
 * referrer, ad click id and UTM values of one touch in the range: their first event (first-click), or their last
 * event before their last conversion (last-click). Values are visitors, or the revenue with {@code currency};
 * 20 rows per list. {@code total} counts the conversion rows.
 */
public final class Attribution {
    static final List<String> UTM = List.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term");
    /** The touch rows' columns (the touch values as the lists name them), the same on both paths. */
    static final String TOUCH_COLUMNS = "e.session_id, " + TouchValues.columns("e");

    private Attribution() {
    }

    /** {@code first-click} / {@code firstClick} → true, {@code last-click} / {@code lastClick} → false. */
    static boolean firstClick(String model) {
        return switch (model) {
            case "first-click", "firstClick" -> true;
            case "last-click", "lastClick" -> false;
            default -> throw new QueryException("'model' must be first-click or last-click");
        };
    }

    static Step step(JsonNode parameters) {
        JsonNode steps = parameters.get("steps");
        if (steps != null && steps.isArray() && !steps.isEmpty() && parameters.get("step") == null) {
            return Step.parse(steps.get(0), "steps[0]");
        }
        return Step.of(ReportInputs.text(parameters, "type", "type"), ReportInputs.text(parameters, "step", "step"), "step");
    }

    /** The report: the touch from the per-visit rollup where it covers the request ({@code rollups}), else from events. */
    public static Map<String, Object> run(ReportAccelerator rollups, EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        boolean first = firstClick(ReportInputs.text(parameters, "model", "model"));
        Step step = step(parameters);
        String rawCurrency = ReportInputs.optionalText(parameters, "currency", "currency");
        String currency = rawCurrency == null || rawCurrency.isEmpty() ? null : Payments.currency(rawCurrency);
        String type = step.type().equals("path") ? Reports.PAGEVIEWS : "e.event_type = 2";
        var p = scope.params();
        Optional<AttributionPieces> rolled = rollups.attribution(scope);

        SqlText with = new SqlText().add("WITH ");
        if (rolled.isPresent()) {
            // the step's rows once (the total's CTE tot, and conv without a currency), from the accelerator
            SqlText stepRows = new SqlText().addAll(scope.where(type)).add(" AND ").addAll(step.condition("e"));
            with.addAll(rolled.get().steps(stepRows, currency == null));
            if (currency != null) with.add(", ");
        } else if (currency == null) {
            with.add("conv AS (SELECT e.session_id, max(e.created_at) AS max_dt FROM event e").addAll(scope.where(type))
                    .add(" AND ").addAll(step.condition("e")).add(" GROUP BY e.session_id)");
        }
        if (currency != null) {
            // without filters the payments come from their rollup (the plain ones otherwise: their rows carry no filter columns),
            // only alongside the touch from the attribution's
            Optional<RevenuePieces> paid = rolled.isPresent() ? rollups.revenue(scope) : Optional.empty();
            with.addAll(paid.isPresent() ? paid.get().payments(store, scope, currency) : Payments.cte(scope, currency))
                    .add(", conv AS (SELECT p.session_id, max(p.created_at) AS max_dt,"
                    + " sum(p.revenue) AS value FROM pay p WHERE ").addAll(step.condition("p")).add(" GROUP BY p.session_id)");
        }
        if (rolled.isPresent()) {
            AttributionPieces pieces = rolled.get();
            return store.readTogether(() -> {
                SqlText ctes = pieces.touches(store, scope, first);
                return answer(store, scope, new SqlText().addAll(with).addAll(ctes), currency, type, step, true, first ? pieces : null);
            });
        }
        with.add(", model AS (SELECT c.session_id, " + (first ? "min" : "max") + "(e.created_at) AS at FROM conv c"
                        + " JOIN event e ON e.session_id = c.session_id WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND "
                        + Reports.REPORTABLE + (first ? "" : " AND e.created_at < c.max_dt") + " GROUP BY c.session_id)"
                        + ", touch AS (SELECT " + TOUCH_COLUMNS + " FROM model m JOIN event e ON e.session_id = m.session_id AND e.created_at = m.at"
                        + " WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + Reports.REPORTABLE + ")",
                scope.websiteId(), p.startAt(), p.endAt(), scope.websiteId(), p.startAt(), p.endAt());
        return answer(store, scope, with, currency, type, step, false, null);
    }

    /** The report read from events only: the reference the rollup path is tested equal to. */
    public static Map<String, Object> plain(EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        return run(ReportAccelerator.PLAIN, store, scope, parameters);
    }

    /**
     * The lists and the total, over CTEs {@code conv} and {@code touch} in {@code with}; with {@code inlineTotal} the total is
     * a row {@code k = -1} of the same statement, from CTE {@code tot} ({@link AttributionPieces#steps}); with
     * {@code singles} the touch rows tell the sessions with a single one (the first-click rollup's), counted without de-duplication.
     */
    private static Map<String, Object> answer(EventStore store, EventScope scope, SqlText with, String currency, String type, Step step,
                                              boolean inlineTotal, AttributionPieces singles) throws SQLException {

        List<String> keys = new ArrayList<>(List.of("referrer", "paidAds"));
        keys.addAll(UTM);
        List<String> names = new ArrayList<>(List.of("t.referrer", "t.paid"));
        for (String u : UTM) names.add("t." + u);
        // One aggregate over the seven lists' (list, name) rows rather than seven aggregates (and seven joins with conv) fed at
        // once: their hash tables together did not fit DuckDB's share of a 512 MiB MEMORY_LIMIT. Visitors are distinct sessions
        // per name (a session may have several touch rows); revenue sums the conversion's value per touch row.
        SqlText sql = new SqlText().addAll(with);
        if (currency != null) sql.add(", tv AS (SELECT t.*, c.value FROM touch t JOIN conv c ON c.session_id = t.session_id)");
        if (singles != null && currency == null) {
            sql.add(", named AS (" + singles.firstClickVisitors(names) + ")");
        } else {
            sql.add(", named AS (SELECT k, name, " + (currency == null ? "count(*)" : "sum(value)") + " AS value FROM ("
                    + (currency == null ? "SELECT DISTINCT k, name, session_id FROM (" : ""));
            for (int i = 0; i < keys.size(); i++) {
                sql.add((i == 0 ? "" : " UNION ALL ") + "SELECT " + i + " AS k, " + names.get(i) + " AS name, "
                        + (currency == null ? "t.session_id" : "t.value") + " FROM " + (currency == null ? "touch" : "tv") + " t WHERE " + names.get(i) + " <> ''");
            }
            sql.add(currency == null ? ") b) d GROUP BY k, name)" : ") b GROUP BY k, name)"); // aliases: PostgreSQL wants them
        }
        sql.add(", ranked AS (SELECT k, name, value, row_number() OVER (PARTITION BY k ORDER BY value DESC, name) AS r FROM named)");
        if (inlineTotal) {
            sql.add(" SELECT k, name, value, r, 0 AS visitors, 0 AS visits FROM ranked WHERE r <= 20 UNION ALL SELECT -1, NULL,"
                    + " views, 0, sessions, visits FROM tot ORDER BY k, r");
        } else {
            sql.add(" SELECT k, name, value FROM ranked WHERE r <= 20 ORDER BY k, r");
        }

        SqlText total = new SqlText().add("SELECT count(*) AS pageviews, count(DISTINCT e.session_id) AS visitors,"
                + " count(DISTINCT e.visit_id) AS visits FROM event e").addAll(scope.where(type)).add(" AND ").addAll(step.condition("e"));

        return store.read(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            List<List<Map<String, Object>>> lists = new ArrayList<>();
            for (String k : keys) {
                List<Map<String, Object>> rows = new ArrayList<>();
                lists.add(rows);
                out.put(k, rows);
            }
            Map<String, Object> inline = new LinkedHashMap<>();
            sql.list(c, rs -> {
                Map<String, Object> m = new LinkedHashMap<>();
                if (rs.getInt("k") < 0) {
                    inline.put("pageviews", rs.getLong("value"));
                    inline.put("visitors", rs.getLong("visitors"));
                    inline.put("visits", rs.getLong("visits"));
                    return inline;
                }
                m.put("name", rs.getString("name"));
                m.put("value", currency == null ? (Object) rs.getLong("value") : (Object) Reports.amount(rs, "value"));
                lists.get(rs.getInt("k")).add(m);
                return m;
            });
            if (inlineTotal) {
                out.put("total", inline);
                return out;
            }
            out.put("total", total.list(c, rs -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pageviews", rs.getLong("pageviews"));
                m.put("visitors", rs.getLong("visitors"));
                m.put("visits", rs.getLong("visits"));
                return m;
            }).getFirst());
            return out;
        });
    }
}
