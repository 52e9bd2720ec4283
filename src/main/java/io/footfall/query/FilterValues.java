package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent values of one filter column in a range, for the dashboard's filter pickers:
 * {@code [{value, count}]}, most events first, at most {@link #LIMIT}, never a missing value. Like Umami,
 * only the range narrows the rows (other filters do not), a search matches case-insensitively and
 * literally anywhere in the value, and a search with commas matches any of its first five parts.
 */
public final class FilterValues {
    public static final int LIMIT = 10;
    private static final int MAX_SEARCH_TERMS = 5;

    private FilterValues() {
    }

    /**
     * {@code column} must come from {@link FilterColumns}; it is never client text. The events are counted per value first
     * (per value and hostname for the referrer), and the search and the referrer's own-site rule are applied to those few
     * groups: evaluated per event, {@code lower}, {@code strpos} and {@code regexp_replace} cost most of a 90-day read.
     */
    public static List<Map<String, Object>> run(EventStore store, EventScope scope, String column, String search) throws SQLException {
        String col = "e." + column;
        boolean referrer = column.equals("referrer_domain");
        SqlText sql = new SqlText().add("SELECT g.value, CAST(sum(g.n) AS BIGINT) AS count FROM (SELECT " + col + " AS value, "
                        + (referrer ? "e.hostname AS hostname, " : "") + "count(*) AS n FROM event e")
                .addAll(scope.rangeOnly("e", EventScope.ANY_TYPE))
                .add(" AND " + col + " IS NOT NULL AND " + col + " <> '' GROUP BY " + (referrer ? "1, 2" : "1") + ") g WHERE 1 = 1");
        if (referrer) {
            // As Umami: the site's own pages are not a referrer.
            sql.add(" AND g.value <> regexp_replace(g.hostname, '^www\\.', '')");
        }
        if (search != null) sql.addAll(searchCondition("g.value", search));
        sql.add(" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + LIMIT);
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", rs.getString(1));
            m.put("count", rs.getLong(2));
            return m;
        }));
    }

    /** Position search rather than LIKE, so {@code %} and {@code _} in the search are ordinary characters. */
    public static SqlText searchCondition(String col, String search) {
        List<String> terms = search.contains(",")
                ? List.of(search.split(",", -1)).subList(0, Math.min(MAX_SEARCH_TERMS, search.split(",", -1).length))
                : List.of(search);
        SqlText s = new SqlText().add(" AND (");
        for (int i = 0; i < terms.size(); i++) {
            s.add((i == 0 ? "" : " OR ") + "strpos(lower(" + col + "), lower(?)) > 0", terms.get(i));
        }
        return s.add(")");
    }
}
