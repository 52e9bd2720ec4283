package io.footfall.query;

import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of the sessions active in a range, newest last activity first. As Umami, a row is a session
 * on one hostname (a session seen on two hostnames is listed twice), {@code createdAt} is the last
 * activity, {@code views} counts pageviews and {@code events} custom events; web-vitals rows are left
 * out. {@code search} matches the distinct id, city, browser, OS or device (case-insensitive substring).
 */
public final class SessionList {
    /** Everything but web-vitals rows. */
    static final String ACTIVITY = "e.event_type <> 5";

    private SessionList() {
    }

    public record Page(List<Map<String, Object>> data, long count, int page, int pageSize) {
    }

    public static Page run(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        Dialect d = scope.dialect();
        SqlText where = scope.where(ACTIVITY);
        if (p.search() != null) {
            String like = "%" + p.search() + "%";
            where.add(" AND (e.distinct_id ILIKE ? OR e.city ILIKE ? OR e.browser ILIKE ? OR e.os ILIKE ? OR e.device ILIKE ?)",
                    like, like, like, like, like);
        }
        // First the page's keys, ranked by the one cheap aggregate (last activity) with the number of
        // all keys alongside; then the full columns for just those keys. Aggregating every column for
        // every session in the range, to keep 20 of them, costs ten times more.
        SqlText rows = new SqlText().add("WITH page AS (SELECT e.session_id, e.hostname, max(e.created_at) AS last_at, "
                        + "count(*) OVER () AS total FROM event e")
                .addAll(where)
                .add(" GROUP BY e.session_id, e.hostname ORDER BY last_at DESC, e.session_id, e.hostname LIMIT ? OFFSET ?)",
                        p.pageSize(), (long) (p.page() - 1) * p.pageSize())
                .add(" SELECT p.total, p.session_id, p.hostname, "
                        + first(d, "browser") + first(d, "os") + first(d, "device") + first(d, "screen")
                        + first(d, "language") + first(d, "country") + first(d, "region") + first(d, "city")
                        + "min(e.created_at) AS first_at, p.last_at, count(DISTINCT e.visit_id) AS visits, "
                        + "sum(CASE WHEN e.event_type = 1 THEN 1 ELSE 0 END) AS views, "
                        + "sum(CASE WHEN e.event_type = 2 THEN 1 ELSE 0 END) AS events "
                        + "FROM page p JOIN event e ON e.session_id = p.session_id "
                        + "AND (e.hostname = p.hostname OR (e.hostname IS NULL AND p.hostname IS NULL))")
                .addAll(where)
                .add(" GROUP BY p.total, p.session_id, p.hostname, p.last_at ORDER BY p.last_at DESC, p.session_id, p.hostname");
        SqlText count = new SqlText().add("SELECT count(*) FROM (SELECT DISTINCT e.session_id, e.hostname FROM event e")
                .addAll(where).add(") s");
        return store.read(c -> {
            long[] total = {-1};
            List<Map<String, Object>> data = rows.list(c, rs -> {
                total[0] = rs.getLong("total");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", Sql.uuid(rs, "session_id"));
                m.put("websiteId", scope.websiteId());
                m.put("hostname", rs.getString("hostname"));
                for (String col : List.of("browser", "os", "device", "screen", "language", "country", "region", "city")) {
                    m.put(col, rs.getString(col));
                }
                m.put("firstAt", Sql.instant(rs, "first_at"));
                m.put("lastAt", Sql.instant(rs, "last_at"));
                m.put("visits", rs.getLong("visits"));
                m.put("views", rs.getLong("views"));
                m.put("events", rs.getLong("events"));
                m.put("createdAt", Sql.instant(rs, "last_at"));
                return m;
            });
            // Past the last page there is no row to carry the total: count on its own.
            if (total[0] < 0) total[0] = data.isEmpty() && p.page() == 1 ? 0 : count.list(c, rs -> rs.getLong(1)).getFirst();
            return new Page(data, total[0], p.page(), p.pageSize());
        });
    }

    /** A session attribute as recorded on the session's first row in the range. */
    private static String first(Dialect d, String column) {
        return d.firstBy("e." + column, "e.created_at") + " AS " + column + ", ";
    }
}
