package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The UTM report: pageviews per value of each UTM parameter ({@code {utm_source: [{utm, views}], ...}}), most first. */
public final class Utm {
    static final List<String> COLUMNS = List.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term");

    private Utm() {
    }

    public static Map<String, Object> run(EventStore store, EventScope scope) throws SQLException {
        SqlText sql = new SqlText();
        for (int i = 0; i < COLUMNS.size(); i++) {
            String col = COLUMNS.get(i);
            sql.add(i == 0 ? "" : " UNION ALL ").add("SELECT " + i + " AS k, e." + col + " AS utm, count(*) AS views FROM event e")
                    .addAll(scope.where(Reports.PAGEVIEWS)).add(" AND e." + col + " <> '' GROUP BY e." + col);
        }
        sql.add(" ORDER BY k, views DESC, utm");
        Map<String, Object> out = new LinkedHashMap<>();
        List<List<Map<String, Object>>> lists = new ArrayList<>();
        for (String col : COLUMNS) {
            List<Map<String, Object>> rows = new ArrayList<>();
            lists.add(rows);
            out.put(col, rows);
        }
        store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("utm", rs.getString("utm"));
            m.put("views", rs.getLong("views"));
            lists.get(rs.getInt("k")).add(m);
            return m;
        }));
        return out;
    }
}
