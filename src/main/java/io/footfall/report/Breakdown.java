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
 * The breakdown report: views, visitors, visits, bounces and total time (seconds) per combination of the
 * requested fields, most views first, at most 500 rows. As Umami, per visit and combination: a bounce is a
 * visit with one row of that combination, its time the span of those rows. Rows are pageviews; with the
 * {@code event} field, custom events too (a pageview has no event name).
 */
public final class Breakdown {
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("path", "url_path");
        FIELDS.put("title", "page_title");
        FIELDS.put("query", "url_query");
        FIELDS.put("referrer", "referrer_domain");
        FIELDS.put("browser", "browser");
        FIELDS.put("os", "os");
        FIELDS.put("device", "device");
        FIELDS.put("screen", "screen");
        FIELDS.put("language", "language");
        FIELDS.put("country", "country");
        FIELDS.put("region", "region");
        FIELDS.put("city", "city");
        FIELDS.put("hostname", "hostname");
        FIELDS.put("tag", "tag");
        FIELDS.put("event", "event_name");
        FIELDS.put("utmSource", "utm_source");
        FIELDS.put("utmMedium", "utm_medium");
        FIELDS.put("utmCampaign", "utm_campaign");
        FIELDS.put("utmContent", "utm_content");
        FIELDS.put("utmTerm", "utm_term");
    }

    private Breakdown() {
    }

    /** The report: from the visit rollup where it covers the request ({@code rollups}), else from events. */
    public static List<Map<String, Object>> run(ReportAccelerator rollups, EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        JsonNode node = parameters.get("fields");
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > 5) {
            throw new QueryException("'fields' must be an array of 1 to 5 fields");
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode f : node) {
            if (!f.isTextual() || !FIELDS.containsKey(f.asText())) {
                throw new QueryException("'fields': unknown field " + f + "; known: " + String.join(", ", FIELDS.keySet()));
            }
            if (!fields.contains(f.asText())) fields.add(f.asText());
        }
        List<String> columns = fields.stream().map(FIELDS::get).toList();
        Optional<BreakdownPieces> rolled = rollups.breakdown(scope, columns);
        if (rolled.isPresent()) {
            BreakdownPieces pieces = rolled.get();
            return store.readTogether(() -> {
                SqlText sql = pieces.query(store, scope, columns);
                return store.read(c -> sql.list(c, rs -> row(rs, fields)));
            });
        }
        StringBuilder inner = new StringBuilder();
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            inner.append(i == 0 ? "" : ", ").append("e.").append(FIELDS.get(fields.get(i))).append(" AS f").append(i);
            outer.append(i == 0 ? "" : ", ").append("f").append(i);
        }
        String type = fields.contains("event") ? "e.event_type IN (1, 2)" : Reports.PAGEVIEWS;
        SqlText sql = new SqlText().add("SELECT sum(t.c) AS views, count(DISTINCT t.session_id) AS visitors,"
                        + " count(DISTINCT t.visit_id) AS visits, sum(CASE WHEN t.c = 1 THEN 1 ELSE 0 END) AS bounces,"
                        + " sum(" + scope.dialect().secondsBetween("t.min_time", "t.max_time") + ") AS totaltime, " + outer
                        + " FROM (SELECT " + inner + ", e.session_id, e.visit_id, count(*) AS c, min(e.created_at) AS min_time,"
                        + " max(e.created_at) AS max_time FROM event e")
                .addAll(scope.where(type))
                .add(" GROUP BY " + inner.toString().replaceAll(" AS f\\d+", "") + ", e.session_id, e.visit_id) t"
                        + " GROUP BY " + outer + " ORDER BY views DESC, visitors DESC, " + outer + " LIMIT 500");
        return store.read(c -> sql.list(c, rs -> row(rs, fields)));
    }

    /** The report read from events only: the reference the rollup path is tested equal to. */
    public static List<Map<String, Object>> plain(EventStore store, EventScope scope, JsonNode parameters) throws SQLException {
        return run(ReportAccelerator.PLAIN, store, scope, parameters);
    }

    private static Map<String, Object> row(java.sql.ResultSet rs, List<String> fields) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("views", rs.getLong("views"));
        m.put("visitors", rs.getLong("visitors"));
        m.put("visits", rs.getLong("visits"));
        m.put("bounces", rs.getLong("bounces"));
        m.put("totaltime", rs.getLong("totaltime"));
        for (int i = 0; i < fields.size(); i++) m.put(fields.get(i), rs.getString("f" + i));
        return m;
    }
}
