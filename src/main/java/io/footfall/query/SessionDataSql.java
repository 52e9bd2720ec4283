package io.footfall.query;

import io.footfall.store.Dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session data statements (keys, and the values of one key, counted over the sessions active in a range), with the
 * active sessions given as a condition over alias {@code d}: the reference finds them in the events, the PostgreSQL
 * accelerator in its session rows. One spelling, so both count the same rows the same way.
 */
public final class SessionDataSql {
    private SessionDataSql() {
    }

    /** Keys with their number of sessions, most common first; {@code active} is a condition over {@code d.session_id}. */
    public static SqlText properties(EventScope scope, SqlText active) {
        return new SqlText().add("SELECT d.data_key, count(*) AS total FROM session_data d WHERE d.website_id = ? AND ",
                        scope.websiteId()).addAll(active)
                .add(" GROUP BY d.data_key ORDER BY total DESC, d.data_key LIMIT 500");
    }

    /** One {@link #properties} row. */
    public static Map<String, Object> property(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("propertyName", rs.getString(1));
        m.put("total", rs.getLong(2));
        return m;
    }

    /** Values of one key with their number of sessions; read each row with {@link #value}, then {@link ValueCounts#merge}. */
    public static SqlText values(EventScope scope, String propertyName, SqlText active) {
        Dialect d = scope.dialect();
        return new SqlText().add("SELECT " + DataValues.groupColumns(d, "d")
                        + ", count(*) AS total FROM session_data d WHERE d.website_id = ? AND d.data_key = ? AND ",
                        scope.websiteId(), propertyName).addAll(active)
                .add(" GROUP BY 1, 2, 3, 4 ORDER BY total DESC LIMIT 100");
    }

    /** One {@link #values} row: its display text and count. */
    public static Map.Entry<String, Long> value(ResultSet rs) throws SQLException {
        return Map.entry(DataValues.display(rs, 1), rs.getLong(5));
    }
}
