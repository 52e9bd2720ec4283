package io.footfall.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Custom events per (UTC hour, name) (V12: {@code event_hour}), folded from the event tail by adding counts.
 * Removing folded events (crash re-shipping) takes their counts back out.
 */
final class EventHours {
    private static final String SAME = "h.website_id = d.website_id AND h.hour = d.hour AND coalesce(h.event_name, chr(0)) = coalesce(d.event_name, chr(0))";

    private EventHours() {
    }

    private static String counts(String source) {
        return "SELECT website_id, date_trunc('hour', created_at) AS hour, event_name, count(*)::INTEGER AS events FROM " + source
                + " GROUP BY 1, 2, 3";
    }

    /** Adds the tail's custom events. */
    static void fold(Connection c) throws SQLException {
        add(c, counts(Rollups.TAIL + " WHERE event_type = 2"), 1);
    }

    /** Takes out the folded custom events among those the caller names at {@code /*IN*}{@code /} (before deleting them). */
    static String subtractFolded() {
        return counts("event WHERE event_type = 2 AND " + Rollups.FOLDED + " AND event_id IN (/*IN*/)");
    }

    /** Adds ({@code sign} 1) or removes (-1) the counts a query gives, dropping rows that reach zero. */
    static void add(Connection c, String countsSql, int sign) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE event_hour_delta AS " + countsSql);
            st.execute("UPDATE event_hour h SET events = h.events + " + sign + " * d.events FROM event_hour_delta d WHERE " + SAME);
            if (sign > 0) {
                st.execute("INSERT INTO event_hour SELECT d.* FROM event_hour_delta d WHERE NOT EXISTS (SELECT 1 FROM event_hour h WHERE "
                        + SAME + ") ORDER BY d.hour");
            } else {
                st.execute("DELETE FROM event_hour WHERE events <= 0");
            }
            st.execute("DROP TABLE event_hour_delta");
        }
    }

    /** Rebuilds the table from the folded events. */
    static final String REBUILD = "INSERT INTO event_hour SELECT * FROM (" + counts("event WHERE event_type = 2 AND " + Rollups.FOLDED)
            + ") c ORDER BY hour";
}
