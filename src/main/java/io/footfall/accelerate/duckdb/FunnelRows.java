package io.footfall.accelerate.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The funnel rollup (V39: {@code funnel_row}, numbered through {@code funnel_item} and {@code funnel_session}): one row
 * per folded reportable event and item it carries (its path; its custom event name). Rows only ever add up (an
 * event is one row per item whatever else its session does), so a fold appends the tail's rows; a re-ship deletes
 * and rebuilds its sessions' rows; new items and sessions get the next numbers first.
 */
public final class FunnelRows {
    static final List<String> TABLES = List.of("funnel_row", "funnel_session");

    private FunnelRows() {
    }

    /** The (website_id, session_id, created_at, kind, value) items of the reportable events {@code events} (alias e) selects with {@code where}. */
    private static String items(String events, String where) {
        return "SELECT e.website_id, e.session_id, e.created_at, k.kind, CASE k.kind WHEN 1 THEN e.url_path ELSE e.event_name END AS value "
                + "FROM " + events + " e CROSS JOIN (VALUES (1::TINYINT), (2::TINYINT)) k(kind) "
                + "WHERE e.event_type IN (1, 2, 3, 4) AND (CASE k.kind WHEN 1 THEN e.url_path ELSE e.event_name END) IS NOT NULL" + where;
    }

    /** Numbers the new items and sessions of {@code source}, then inserts its rows ({@code ordered}: sorted for the zone maps). */
    private static List<String> insert(String source, boolean ordered) {
        return List.of(
                "INSERT INTO funnel_item SELECT coalesce((SELECT max(id) FROM funnel_item), 0) + row_number() OVER (ORDER BY kind, value), kind, value "
                        + "FROM (SELECT DISTINCT s.kind, s.value FROM (" + source + ") s "
                        + "WHERE NOT EXISTS (SELECT 1 FROM funnel_item i WHERE i.kind = s.kind AND i.value = s.value))",
                "INSERT INTO funnel_session SELECT n.website_id, n.session_id, coalesce((SELECT max(f.num) FROM funnel_session f WHERE f.website_id = n.website_id), 0)"
                        + " + row_number() OVER (PARTITION BY n.website_id ORDER BY n.session_id) "
                        + "FROM (SELECT DISTINCT s.website_id, s.session_id FROM (" + source + ") s "
                        + "WHERE NOT EXISTS (SELECT 1 FROM funnel_session f WHERE f.website_id = s.website_id AND f.session_id = s.session_id)) n",
                "INSERT INTO funnel_row SELECT s.website_id, i.id, epoch_us(s.created_at), f.num FROM (" + source + ") s "
                        + "JOIN funnel_item i ON i.kind = s.kind AND i.value = s.value "
                        + "JOIN funnel_session f ON f.website_id = s.website_id AND f.session_id = s.session_id"
                        + (ordered ? " ORDER BY s.website_id, i.id, s.created_at" : ""));
    }

    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : insert(items(Rollups.TAIL, ""), false)) st.execute(sql);
        }
    }

    /**
     * Rebuilds the rows of the sessions {@code sessions} names (or all) from the folded events; each statement takes
     * the ids as its parameters. The caller deleted the rows ({@link #delete}; for all, emptied both tables).
     */
    static List<String> rebuild(Narrowing sessions) {
        return insert(items("event", " AND e." + Rollups.FOLDED + sessions.and("e.session_id")), sessions.ids() == 0);
    }

    /** Deletes the rows of the sessions {@code sessions} names (their numbers stay). */
    static String delete(Narrowing sessions) {
        return "DELETE FROM funnel_row r WHERE EXISTS (SELECT 1 FROM funnel_session f WHERE f.website_id = r.website_id "
                + "AND f.num = r.session AND " + sessions.in("f.session_id") + ")";
    }
}
