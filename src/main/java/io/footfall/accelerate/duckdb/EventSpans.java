package io.footfall.accelerate.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The custom-event spans (V11: {@code session_event}, {@code visit_event}): per session and per visit, its
 * first and last custom event, folded from the event tail by widening stored spans and inserting new
 * ones. A span only grows, whatever order events arrive in.
 */
public final class EventSpans {
    /** Each table with its key column (also a column of {@code event}). */
    private static final String[][] TABLES = {{"session_event", "session_id"}, {"visit_event", "visit_id"}};

    private EventSpans() {
    }

    private static String spans(String key, String source) {
        return "SELECT website_id, " + key + ", min(created_at) AS first_at, max(created_at) AS last_at FROM " + source
                + " GROUP BY website_id, " + key;
    }

    /** Merges the tail's custom events into both tables. */
    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE event_span_rows AS SELECT website_id, session_id, visit_id, created_at FROM "
                    + Rollups.TAIL + " WHERE event_type = 2");
            for (String[] t : TABLES) {
                String same = "s." + t[1] + " = d." + t[1] + " AND s.website_id = d.website_id";
                st.execute("CREATE OR REPLACE TEMP TABLE event_span_delta AS " + spans(t[1], "event_span_rows"));
                st.execute("UPDATE " + t[0] + " s SET first_at = least(s.first_at, d.first_at), last_at = greatest(s.last_at, d.last_at) "
                        + "FROM event_span_delta d WHERE " + same + " AND (d.first_at < s.first_at OR d.last_at > s.last_at)");
                st.execute("INSERT INTO " + t[0] + " SELECT d.* FROM event_span_delta d WHERE NOT EXISTS (SELECT 1 FROM " + t[0]
                        + " s WHERE " + same + ") ORDER BY d.first_at");
            }
            st.execute("DROP TABLE event_span_delta");
            st.execute("DROP TABLE event_span_rows");
        }
    }

    /** Rebuilds the sessions' table from the folded events of the sessions {@code sessions} names. */
    static String rebuildSessions(Narrowing sessions) {
        return rebuild(TABLES[0], sessions);
    }

    /** Rebuilds the visits' table from the folded events of the visits {@code visits} names. */
    static String rebuildVisits(Narrowing visits) {
        return rebuild(TABLES[1], visits);
    }

    private static String rebuild(String[] t, Narrowing units) {
        return "INSERT INTO " + t[0] + " SELECT * FROM (" + spans(t[1], "event WHERE event_type = 2 AND " + Rollups.FOLDED + units.and(t[1]))
                + ") s ORDER BY first_at";
    }

    /** Both tables. */
    public static List<String> tables() {
        List<String> out = new ArrayList<>();
        for (String[] t : TABLES) out.add(t[0]);
        return out;
    }
}
