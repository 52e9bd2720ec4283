package io.footfall.store.duckdb;

import io.footfall.store.SessionValueKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The session-value rollup (V4: {@code session_value}): one row per (session, kind, value) with the first
 * and last view carrying it, folded from the event tail by widening stored spans and inserting new pairs.
 * Nothing here can become inexact: a span only grows, whatever order views arrive in.
 */
final class ValueSpans {
    private ValueSpans() {
    }

    /** Every kind's (session, kind, value, first, last) over view rows of {@code source}. */
    private static String pairs(String source) {
        return Arrays.stream(SessionValueKind.values()).map(k -> "SELECT e.website_id, e.session_id, " + k.code + "::TINYINT AS kind, "
                        + "v AS value, min(e.created_at) AS first_at, max(e.created_at) AS last_at FROM (SELECT e.*, " + k.sql()
                        + " AS v FROM " + source + ") e" + (k.skipsNull() ? " WHERE v IS NOT NULL" : "")
                        + " GROUP BY e.website_id, e.session_id, v")
                .collect(Collectors.joining(" UNION ALL "));
    }

    /** Pending pairs for readers: those with unfolded views. */
    static String pendingView() {
        return pairs(Rollups.TAIL + " e WHERE e.event_type IN (1, 3, 4)");
    }

    /**
     * Folds the pending pairs into session_value: widens the spans of pairs already there, then inserts the
     * new pairs. (One MERGE costs several times more here: its join needs IS NOT DISTINCT FROM for NULL
     * values, and it rewrites every matched row.)
     */
    static void fold(Connection c) throws SQLException {
        String same = "s.session_id = d.session_id AND s.kind = d.kind AND coalesce(s.value, chr(0)) = coalesce(d.value, chr(0)) "
                + "AND s.website_id = d.website_id";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE value_delta AS SELECT * FROM session_value_pending");
            st.execute("UPDATE session_value s SET first_at = least(s.first_at, d.first_at), last_at = greatest(s.last_at, d.last_at) "
                    + "FROM value_delta d WHERE " + same + " AND (d.first_at < s.first_at OR d.last_at > s.last_at)");
            st.execute("INSERT INTO session_value SELECT d.* FROM value_delta d WHERE NOT EXISTS (SELECT 1 FROM session_value s WHERE "
                    + same + ")");
            st.execute("DROP TABLE value_delta");
        }
    }

    /** Rebuild statements from the folded events; {@code /*AND*}{@code /} is where a caller narrows to some sessions. */
    static List<String> rebuild() {
        return List.of("INSERT INTO session_value SELECT * FROM (" + pairs("event e WHERE e.event_type IN (1, 3, 4) AND "
                + Rollups.FOLDED.replace("ingest_seq", "e.ingest_seq") + " /*AND*/") + ") p ORDER BY first_at");
    }
}
