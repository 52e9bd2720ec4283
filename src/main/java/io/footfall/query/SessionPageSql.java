package io.footfall.query;

import io.footfall.store.Dialect;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one page of (session, hostname) groups read from events, newest last activity first, as the sessions
 * list and the revenue sessions list show them. First the page's groups by last activity (with the number of all
 * groups), then the columns of just those sessions: computing every column of every group in the range to keep one
 * page cost seconds on 90 days.
 */
public final class SessionPageSql {
    private SessionPageSql() {
    }

    /**
     * The page's rows ({@link #rowColumns} plus {@code total}, the number of all groups). {@code where}
     * chooses the rows counted; {@code groups} ({@code AND …}, may be empty) further chooses which groups are listed.
     */
    public static SqlText page(EventScope scope, SqlText where, SqlText groups) {
        QueryParams p = scope.params();
        return new SqlText().add("WITH k AS " + scope.dialect().materialized() + "(SELECT e.session_id, e.hostname,"
                        + " max(e.created_at) AS last_at, count(*) OVER () AS total FROM event e").addAll(where).addAll(groups)
                .add(" GROUP BY e.session_id, e.hostname ORDER BY last_at DESC, e.session_id, e.hostname LIMIT ? OFFSET ?)",
                        p.pageSize(), (long) (p.page() - 1) * p.pageSize())
                .add(" SELECT r.*, k.total FROM (SELECT " + rowColumns(scope.dialect()) + " FROM event e").addAll(where)
                .add(" AND e.session_id IN (SELECT session_id FROM k) GROUP BY e.session_id, e.hostname) r"
                        + " JOIN k ON k.session_id = r.session_id AND (k.hostname = r.hostname OR (k.hostname IS NULL AND r.hostname IS NULL))"
                        + " ORDER BY k.last_at DESC, k.session_id, k.hostname");
    }

    /** The number of groups, for a page past the end (its rows carry no total). */
    public static SqlText count(SqlText where, SqlText groups) {
        return new SqlText().add("SELECT count(*) FROM (SELECT e.session_id FROM event e").addAll(where).addAll(groups)
                .add(" GROUP BY e.session_id, e.hostname) k");
    }

    /**
     * The page columns over alias {@code e}, for a query grouped by session and hostname: the attributes as on the
     * session's first row, its first and last activity, visits, views and custom events.
     */
    public static String rowColumns(Dialect d) {
        return "e.session_id, e.hostname, "
                + first(d, "browser") + first(d, "os") + first(d, "device") + first(d, "screen")
                + first(d, "language") + first(d, "country") + first(d, "region") + first(d, "city")
                + "min(e.created_at) AS first_at, max(e.created_at) AS last_at, count(DISTINCT e.visit_id) AS visits, "
                + "sum(CASE WHEN e.event_type = 1 THEN 1 ELSE 0 END) AS views, "
                + "sum(CASE WHEN e.event_type = 2 THEN 1 ELSE 0 END) AS events";
    }

    /** One page row from a result with the page columns (keys from the rollup, or the detail query). */
    public static Map<String, Object> row(EventScope scope, java.sql.ResultSet rs) throws SQLException {
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
    }

    /** A session attribute as recorded on the session's first row in the range. */
    private static String first(Dialect d, String column) {
        return d.firstBy("e." + column, "e.created_at") + " AS " + column + ", ";
    }
}
