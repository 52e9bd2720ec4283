package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.query.Buckets;
import io.footfall.store.Channels;
import io.footfall.query.Comparison;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The revenue report in one currency: a chart of revenue per event name and time bucket (the request's unit and
 * time zone), revenue by country, region, referrer and channel (those two of the visit's landing pageview), and
 * totals (sum, payments, paying visitors, average payment) with the same totals for the previous window.
 */
public final class Revenue {
    private Revenue() {
    }

    /** The report: from the payment rollup where it covers the request ({@code rollups}), else from events. */
    public static Map<String, Object> run(ReportAccelerator rollups, EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        String currency = Payments.currency(ReportInputs.text(parameters, "currency", "currency"));
        var p = scope.params();
        Instant[] prev = Comparison.window("prev", p.startAt(), p.endAt());
        EventScope previous = scope.withParams(p.withRange(prev[0], prev[1]));
        Optional<RevenuePieces> rolled = rollups.revenue(scope);
        SqlText all = rolled.isPresent()
                ? new SqlText().add("WITH ").addAll(rolled.get().pay(store, scope, currency)).addAll(rolled.get().touch(scope)).addAll(answer(scope))
                : all(scope, currency);
        SqlText comparison = new SqlText().add("WITH ").addAll(rolled.isPresent() ? rolled.get().pay(store, previous, currency) : Payments.cte(previous, currency))
                .add(" " + TOTALS);
        boolean iso = p.isoUtc();
        return store.read(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            List<List<Map<String, Object>>> lists = new ArrayList<>();
            for (String key : LISTS) {
                List<Map<String, Object>> rows = new ArrayList<>();
                lists.add(rows);
                out.put(key, rows);
            }
            Map<String, Object> total = new LinkedHashMap<>();
            all.list(c, rs -> {
                int k = rs.getInt("k");
                Map<String, Object> m = new LinkedHashMap<>();
                if (k == 0) {
                    m.put("x", rs.getString("name"));
                    m.put("t", Buckets.read(rs, 3, iso));
                    m.put("y", Reports.amount(rs, "value"));
                } else if (k < LISTS.size()) {
                    m.put("name", rs.getString("name"));
                    m.put("value", Reports.amount(rs, "value"));
                } else {
                    total.putAll(totals(rs));
                    return m;
                }
                lists.get(k).add(m);
                return m;
            });
            total.put("comparison", comparison.list(c, Revenue::totals).getFirst());
            out.put("total", total);
            return out;
        });
    }

    /** The report read from events only: the reference the rollup path is tested equal to. */
    public static Map<String, Object> plain(EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        return run(ReportAccelerator.PLAIN, store, scope, parameters);
    }

    static final List<String> LISTS = List.of("chart", "country", "region", "referrer", "channel");
    private static final String TOTALS = "SELECT sum(p.revenue) AS value, count(DISTINCT p.event_id) AS payments,"
            + " count(DISTINCT p.session_id) AS payers FROM pay p";

    /**
     * Everything but the comparison in one statement over one pass of the payments (materialized, as several
     * branches read it): k = 0 chart rows, 1–4 the lists by country, region, referrer, channel, 5 the totals.
     * A visit's touch is its first pageview in the range (every pageview at that instant: rank, not row_number),
     * read in one pass over the range's pageviews of the paying visits.
     */
    private static SqlText all(EventScope scope, String currency) {
        var p = scope.params();
        return new SqlText().add("WITH ").addAll(Payments.cte(scope, currency, true))
                .add(", touch AS (SELECT visit_id, referrer, channel FROM (SELECT e.visit_id, CASE WHEN coalesce(e.referrer_domain, '') <> ''"
                                + " AND e.referrer_domain <> coalesce(e.hostname, '') THEN e.referrer_domain END AS referrer, "
                                + Channels.sql(scope.dialect()) + " AS channel, rank() OVER (PARTITION BY e.visit_id ORDER BY e.created_at) AS n"
                                + " FROM event e WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND e.event_type = 1"
                                + " AND e.visit_id IN (SELECT visit_id FROM pay)) f WHERE n = 1)",
                        scope.websiteId(), p.startAt(), p.endAt())
                .addAll(answer(scope));
    }

    private static SqlText answer(EventScope scope) {
        String[] around = ANSWER_FROM_TOUCH.split("\u0001", -1);
        return new SqlText().add(around[0]).addAll(scope.bucket("p.created_at")).add(around[1]);
    }

    private static final String NONE = "CAST(NULL AS TIMESTAMP)";
    /**
     * After the CTEs {@code pay} and {@code touch(visit_id, referrer, channel)}: the rows {@link #all} describes (\u0001: the
     * bucket of p.created_at). A touch counts its visit's whole revenue: {@code reach} puts the visit's sum on each touch
     * row with a window over payments and touches together rather than a join, whose size PostgreSQL cannot estimate
     * (it guesses one payment and one touch, and nested loops over ~1,000 × 1,000 rows took 0.4 s each).
     */
    private static final String ANSWER_FROM_TOUCH = ", reach AS (SELECT referrer, channel, is_touch, sum(revenue) OVER (PARTITION BY visit_id) AS revenue"
            + " FROM (SELECT visit_id, CAST(NULL AS VARCHAR) AS referrer, CAST(NULL AS VARCHAR) AS channel, 0 AS is_touch, revenue FROM pay"
            + " UNION ALL SELECT visit_id, referrer, channel, 1, NULL FROM touch) u)"
            + " SELECT 0 AS k, p.event_name AS name, \u0001 AS t, sum(p.revenue) AS value, 0 AS payments, 0 AS payers FROM pay p GROUP BY 2, 3"
            + " UNION ALL SELECT 1, p.country, " + NONE + ", sum(p.revenue), 0, 0 FROM pay p WHERE p.country <> '' GROUP BY 2"
            + " UNION ALL SELECT 2, p.region, " + NONE + ", sum(p.revenue), 0, 0 FROM pay p WHERE p.region <> '' GROUP BY 2"
            + " UNION ALL SELECT 3, referrer, " + NONE + ", sum(revenue), 0, 0 FROM reach WHERE is_touch = 1 AND referrer IS NOT NULL GROUP BY 2"
            + " UNION ALL SELECT 4, channel, " + NONE + ", sum(revenue), 0, 0 FROM reach WHERE is_touch = 1 AND channel IS NOT NULL GROUP BY 2"
            + " UNION ALL SELECT 5, NULL, " + NONE + ", sum(p.revenue), count(DISTINCT p.event_id), count(DISTINCT p.session_id) FROM pay p"
            + " ORDER BY 1, 3, 4 DESC, 2";

    private static Map<String, Object> totals(java.sql.ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        double sum = Reports.amount(rs, "value");
        long count = rs.getLong("payments");
        m.put("sum", sum);
        m.put("count", count);
        m.put("unique_count", rs.getLong("payers"));
        m.put("average", count > 0 ? sum / count : 0);
        return m;
    }
}
