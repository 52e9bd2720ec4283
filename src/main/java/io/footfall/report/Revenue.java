package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.query.Buckets;
import io.footfall.query.Channels;
import io.footfall.query.Comparison;
import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The revenue report in one currency: a chart of revenue per event name and time bucket (the request's unit and
 * time zone), revenue by country, region, referrer and channel (those two of the visit's landing pageview), and
 * totals (sum, payments, paying visitors, average payment) with the same totals for the previous window.
 */
public final class Revenue {
    private Revenue() {
    }

    public static Map<String, Object> run(EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        String currency = Payments.currency(ReportInputs.text(parameters, "currency", "currency"));
        var p = scope.params();
        Instant[] prev = Comparison.window("prev", p.startAt(), p.endAt());
        EventScope previous = scope.withParams(p.withRange(prev[0], prev[1]));
        return store.read(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("chart", chart(c, scope, currency));
            out.put("country", byColumn(c, scope, currency, "p.country"));
            out.put("region", byColumn(c, scope, currency, "p.region"));
            out.put("referrer", byLanding(c, scope, currency, "referrer"));
            out.put("channel", byLanding(c, scope, currency, "channel"));
            Map<String, Object> total = totals(c, scope, currency);
            total.put("comparison", totals(c, previous, currency));
            out.put("total", total);
            return out;
        });
    }

    private static SqlText with(EventScope scope, String currency) {
        return new SqlText().add("WITH ").addAll(Payments.cte(scope, currency));
    }

    private static List<Map<String, Object>> chart(Connection c, EventScope scope, String currency) throws SQLException {
        boolean iso = scope.params().isoUtc();
        SqlText sql = with(scope, currency).add(" SELECT p.event_name AS x, ").addAll(scope.bucket("p.created_at"))
                .add(" AS t, sum(p.revenue) AS y FROM pay p GROUP BY 1, 2 ORDER BY 2, 1");
        return sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x", rs.getString("x"));
            m.put("t", Buckets.read(rs, 2, iso));
            m.put("y", Reports.amount(rs, "y"));
            return m;
        });
    }

    private static List<Map<String, Object>> byColumn(Connection c, EventScope scope, String currency, String column) throws SQLException {
        SqlText sql = with(scope, currency).add(" SELECT " + column + " AS name, sum(p.revenue) AS value FROM pay p"
                + " WHERE " + column + " <> '' GROUP BY 1 ORDER BY 2 DESC, 1");
        return sql.list(c, Revenue::nameValue);
    }

    /** By an attribute of the landing pageview of each paying visit (a visit whose landing lies before the range has none). */
    private static List<Map<String, Object>> byLanding(Connection c, EventScope scope, String currency, String what) throws SQLException {
        var p = scope.params();
        SqlText sql = with(scope, currency).add(", landing AS (SELECT e.visit_id, min(e.created_at) AS at FROM event e"
                        + " WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND e.event_type = 1"
                        + " AND e.visit_id IN (SELECT visit_id FROM pay) GROUP BY e.visit_id)"
                        + ", touch AS (SELECT e.visit_id, CASE WHEN coalesce(e.referrer_domain, '') <> ''"
                        + " AND e.referrer_domain <> coalesce(e.hostname, '') THEN e.referrer_domain END AS referrer, "
                        + Channels.sql() + " AS channel FROM event e JOIN landing l ON l.visit_id = e.visit_id AND l.at = e.created_at"
                        + " WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND e.event_type = 1)"
                        + " SELECT t." + what + " AS name, sum(p.revenue) AS value FROM pay p JOIN touch t ON t.visit_id = p.visit_id"
                        + " WHERE t." + what + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1",
                scope.websiteId(), p.startAt(), p.endAt(), scope.websiteId(), p.startAt(), p.endAt());
        return sql.list(c, Revenue::nameValue);
    }

    private static Map<String, Object> totals(Connection c, EventScope scope, String currency) throws SQLException {
        SqlText sql = with(scope, currency).add(" SELECT sum(p.revenue) AS total, count(DISTINCT p.event_id) AS payments,"
                + " count(DISTINCT p.session_id) AS payers FROM pay p");
        return sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            double sum = Reports.amount(rs, "total");
            long count = rs.getLong("payments");
            m.put("sum", sum);
            m.put("count", count);
            m.put("unique_count", rs.getLong("payers"));
            m.put("average", count > 0 ? sum / count : 0);
            return m;
        }).getFirst();
    }

    private static Map<String, Object> nameValue(java.sql.ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", rs.getString("name"));
        m.put("value", Reports.amount(rs, "value"));
        return m;
    }
}
