package io.footfall.accelerate.duckdb;

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
 * arrive in. Rows name their session by its number ({@link UnitNumbers#SESSIONS}, V44), given first; the pending
 * pairs keep the session's id.
 */
public final class ValueSpans {
    private ValueSpans() {
    }

    private static final UnitNumbers NUMBERS = UnitNumbers.SESSIONS;

    /** One kind's (session key, value, first, last) over the view rows of {@code source} (alias e), {@code key} session_num or session_id. */
    private static String pairs(SessionValueKind k, String source, String key) {
        return "SELECT e.website_id, e." + key + ", v AS value, min(e.created_at) AS first_at, max(e.created_at) AS last_at "
                + "FROM (SELECT e.*, " + k.sql(Rollups.DIALECT) + " AS v FROM " + source + ") e" + " WHERE " + SessionValueKind.stored("v")
                + " GROUP BY e.website_id, e." + key + ", v";
    }

    /** Pending pairs for readers, every kind with its code: those with unfolded views, by session id. */
    static String pendingView() {
        return Arrays.stream(SessionValueKind.values())
                .map(k -> "SELECT p.website_id, p.session_id, " + k.code + "::TINYINT AS kind, p.value, p.first_at, p.last_at FROM ("
                        + pairs(k, Rollups.TAIL + " e WHERE e.event_type IN (1, 3, 4)", "session_id") + ") p")
                .collect(Collectors.joining(" UNION ALL "));
    }

    /**
     * Folds the pending pairs into each kind's table: widens the spans of pairs already there, then inserts
     * the new pairs. (One MERGE costs several times more here: its join needs IS NOT DISTINCT FROM for NULL
     * values, and it rewrites every matched row.)
     */
    static void fold(Connection c) throws SQLException {
        String same = "s.session_num = d.session_num AND s.value = d.value AND s.website_id = d.website_id";
        try (Statement st = c.createStatement()) {
            String views = "SELECT * FROM " + Rollups.TAIL + " e WHERE e.event_type IN (1, 3, 4)";
            st.execute(NUMBERS.assign(views));
            st.execute("CREATE OR REPLACE TEMP TABLE value_views AS " + NUMBERS.numbered(views));
            RollupTotals.begin(st, RollupTotals.sessionValueDays(SessionValueKind.PATH));
            for (SessionValueKind k : SessionValueKind.values()) {
                String table = k.sessionTable();
                st.execute("CREATE OR REPLACE TEMP TABLE value_delta AS " + pairs(k, "value_views e", NUMBERS.column()));
                // The day counts lose the touched rows as they were and gain them as they become.
                String touched = "EXISTS (SELECT 1 FROM value_delta d WHERE " + same + ")";
                st.execute(RollupTotals.contribution(RollupTotals.sessionValueDays(k), -1, touched));
                st.execute("UPDATE " + table + " s SET first_at = least(s.first_at, d.first_at), last_at = greatest(s.last_at, d.last_at) "
                        + "FROM value_delta d WHERE " + same + " AND (d.first_at < s.first_at OR d.last_at > s.last_at)");
                st.execute("INSERT INTO " + table + " SELECT d.* FROM value_delta d WHERE NOT EXISTS (SELECT 1 FROM " + table + " s WHERE "
                        + same + ") ORDER BY d.first_at");
                st.execute(RollupTotals.contribution(RollupTotals.sessionValueDays(k), 1, touched));
            }
            RollupTotals.commit(st, RollupTotals.sessionValueDays(SessionValueKind.PATH));
            st.execute("DROP TABLE value_delta");
            st.execute("DROP TABLE value_views");
        }
    }

    /** Rebuilds session_value_day from the kinds' tables (after they are rebuilt whole). */
    static List<String> rebuildDays() {
        List<String> out = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) out.add(RollupTotals.rebuild(RollupTotals.sessionValueDays(k)));
        return out;
    }

    /** Rebuild statements from the folded events of the sessions {@code sessions} names (numbering the sessions without one first). */
    static List<String> rebuild(Narrowing sessions) {
        return rebuild(sessions, SessionValueKind.values());
    }

    /** As {@link #rebuild(Narrowing)}, for the kinds {@code kinds} only. */
    static List<String> rebuild(Narrowing sessions, SessionValueKind... kinds) {
        String views = "SELECT * FROM event e WHERE e.event_type IN (1, 3, 4) AND " + Rollups.FOLDED.replace("ingest_seq", "e.ingest_seq")
                + sessions.and("e.session_id");
        List<String> out = new ArrayList<>();
        out.add(NUMBERS.assign(views));
        for (SessionValueKind k : kinds) {
            out.add("INSERT INTO " + k.sessionTable() + " SELECT * FROM (" + pairs(k, "(" + NUMBERS.numbered(views) + ") e", NUMBERS.column())
                    + ") p ORDER BY website_id, first_at");
        }
        return out;
    }

    /** Deletes the rows of the sessions {@code sessions} names (their numbers stay). */
    static List<String> delete(Narrowing sessions) {
        List<String> out = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) out.add("DELETE FROM " + k.sessionTable() + " s WHERE " + touched(sessions));
        return out;
    }

    /** The rows (alias s) of the sessions {@code sessions} names: for bracketing their day counts. */
    static String touched(Narrowing sessions) {
        return NUMBERS.named(sessions, "s");
    }

    /** Every table of the rollup. */
    public static List<String> tables() {
        List<String> out = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) out.add(k.sessionTable());
        out.add("session_value_day");
        out.add(NUMBERS.table());
        return out;
    }
}
