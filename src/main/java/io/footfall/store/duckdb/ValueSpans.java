package io.footfall.store.duckdb;

import io.footfall.store.SessionValueKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The session-value rollup (V4, split per kind in V10: {@code session_value_path} ...): one row per
 * (session, value) with the first and last view carrying it, folded from the event tail by widening stored
 * spans and inserting new pairs. Nothing here can become inexact: a span only grows, whatever order views
 * arrive in.
 */
final class ValueSpans {
    private ValueSpans() {
    }

    /** One kind's (session, value, first, last) over the view rows of {@code source}. */
    private static String pairs(SessionValueKind k, String source) {
        return "SELECT e.website_id, e.session_id, v AS value, min(e.created_at) AS first_at, max(e.created_at) AS last_at "
                + "FROM (SELECT e.*, " + k.sql() + " AS v FROM " + source + ") e" + (k.skipsNull() ? " WHERE v IS NOT NULL" : "")
                + " GROUP BY e.website_id, e.session_id, v";
    }

    /** Pending pairs for readers, every kind with its code: those with unfolded views. */
    static String pendingView() {
        return Arrays.stream(SessionValueKind.values())
                .map(k -> "SELECT p.website_id, p.session_id, " + k.code + "::TINYINT AS kind, p.value, p.first_at, p.last_at FROM ("
                        + pairs(k, Rollups.TAIL + " e WHERE e.event_type IN (1, 3, 4)") + ") p")
                .collect(Collectors.joining(" UNION ALL "));
    }

    /**
     * Folds the pending pairs into each kind's table: widens the spans of pairs already there, then inserts
     * the new pairs. (One MERGE costs several times more here: its join needs IS NOT DISTINCT FROM for NULL
     * values, and it rewrites every matched row.)
     */
    static void fold(Connection c) throws SQLException {
        String same = "s.session_id = d.session_id AND coalesce(s.value, chr(0)) = coalesce(d.value, chr(0)) AND s.website_id = d.website_id";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE value_views AS SELECT * FROM " + Rollups.TAIL + " e WHERE e.event_type IN (1, 3, 4)");
            st.execute("CREATE OR REPLACE TEMP TABLE session_value_day_delta AS SELECT * FROM session_value_day LIMIT 0");
            for (SessionValueKind k : SessionValueKind.values()) {
                String table = k.sessionTable();
                st.execute("CREATE OR REPLACE TEMP TABLE value_delta AS " + pairs(k, "value_views e"));
                // Day counts: a row whose first view moves to an earlier day leaves its old day for the new one.
                String moved = " FROM " + table + " s JOIN value_delta d ON " + same
                        + " WHERE date_trunc('day', d.first_at) < date_trunc('day', s.first_at)";
                st.execute("INSERT INTO session_value_day_delta " + dayCounts(k, -1, "s", moved));
                st.execute("INSERT INTO session_value_day_delta " + dayCounts(k, 1, "d", moved));
                st.execute("INSERT INTO session_value_day_delta " + dayCounts(k, 1, "d", " FROM value_delta d WHERE NOT EXISTS (SELECT 1 FROM "
                        + table + " s WHERE " + same + ")"));
                st.execute("UPDATE " + table + " s SET first_at = least(s.first_at, d.first_at), last_at = greatest(s.last_at, d.last_at) "
                        + "FROM value_delta d WHERE " + same + " AND (d.first_at < s.first_at OR d.last_at > s.last_at)");
                st.execute("INSERT INTO " + table + " SELECT d.* FROM value_delta d WHERE NOT EXISTS (SELECT 1 FROM " + table + " s WHERE "
                        + same + ") ORDER BY d.first_at");
            }
            addDays(st);
            st.execute("DROP TABLE value_delta");
            st.execute("DROP TABLE value_views");
        }
    }

    /** Rows counted per day of their first view, times {@code sign}, over alias {@code a} ({@code from} holds FROM and WHERE). */
    static String dayCounts(SessionValueKind k, int sign, String a, String from) {
        return "SELECT " + a + ".website_id, " + k.code + "::TINYINT, " + a + ".value, date_trunc('day', " + a + ".first_at), "
                + sign + " * count(*)" + from + " GROUP BY 1, 2, 3, 4";
    }

    /** Merges the temp table session_value_day_delta into session_value_day and drops it; days left empty go. */
    static void addDays(Statement st) throws SQLException {
        String same = "y.website_id = d.website_id AND y.kind = d.kind AND coalesce(y.value, chr(0)) = coalesce(d.value, chr(0)) AND y.day = d.day";
        st.execute("CREATE OR REPLACE TEMP TABLE session_value_day_sum AS SELECT website_id, kind, value, day, sum(rows) AS rows "
                + "FROM session_value_day_delta GROUP BY 1, 2, 3, 4");
        st.execute("UPDATE session_value_day y SET rows = y.rows + d.rows FROM session_value_day_sum d WHERE " + same);
        st.execute("INSERT INTO session_value_day SELECT d.* FROM session_value_day_sum d WHERE NOT EXISTS (SELECT 1 FROM session_value_day y WHERE "
                + same + ")");
        st.execute("DELETE FROM session_value_day WHERE rows = 0");
        st.execute("DROP TABLE session_value_day_sum");
        st.execute("DROP TABLE session_value_day_delta");
    }

    /** Rebuilds session_value_day from the kinds' tables (after they are rebuilt whole). */
    static String rebuildDays() {
        List<String> parts = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) parts.add(dayCounts(k, 1, "s", " FROM " + k.sessionTable() + " s"));
        return "INSERT INTO session_value_day SELECT * FROM (" + String.join(" UNION ALL ", parts) + ") d ORDER BY 4";
    }

    /** Rebuild statements from the folded events; {@code /*AND*}{@code /} is where a caller narrows to some sessions. */
    static List<String> rebuild() {
        List<String> out = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) {
            out.add("INSERT INTO " + k.sessionTable() + " SELECT * FROM (" + pairs(k, "event e WHERE e.event_type IN (1, 3, 4) AND "
                    + Rollups.FOLDED.replace("ingest_seq", "e.ingest_seq") + " /*AND*/") + ") p ORDER BY first_at");
        }
        return out;
    }

    /** Deletes the rows of the sessions a caller names at {@code /*IN*}{@code /}. */
    static List<String> delete() {
        List<String> out = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) out.add("DELETE FROM " + k.sessionTable() + " WHERE session_id IN (/*IN*/)");
        return out;
    }

    /** Every table of the rollup. */
    static List<String> tables() {
        List<String> out = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) out.add(k.sessionTable());
        out.add("session_value_day");
        return out;
    }
}
