package io.footfall.accelerate.duckdb;

import io.footfall.query.DataValues;
import io.footfall.query.SqlText;
import io.footfall.query.ValueCounts;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The values of one session data key among the sessions active in the range (all filters apply to their
 * events), each with its number of sessions, most common first, at most 100. Values print as
 * {@link DataValues} renders them.
 * Sessions are counted as rows: session_data holds one row per (website, session, key).
 */
public final class SessionDataValues {
    private SessionDataValues() {
    }

    public static List<Map<String, Object>> run(EventStore store, EventScope scope, String propertyName, QueryOptions options) throws SQLException {
        SqlText sql = new SqlText().add("SELECT " + DataValues.groupColumns(scope.dialect(), "d")
                        + ", count(*) AS total FROM session_data d WHERE d.website_id = ? AND d.data_key = ? "
                        + "AND ", scope.websiteId(), propertyName)
                .addAll(ActiveSessionData.condition(store, scope, options))
                .add(" GROUP BY 1, 2, 3, 4 ORDER BY total DESC LIMIT 100");
        return store.read(c -> ValueCounts.merge(sql.list(c, rs -> Map.entry(DataValues.display(rs, 1), rs.getLong(5)))));
    }
}
