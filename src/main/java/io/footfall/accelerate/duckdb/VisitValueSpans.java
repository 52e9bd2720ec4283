package io.footfall.accelerate.duckdb;

import io.footfall.store.SessionValueKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The visit-value rollup (V9: one table per {@link SessionValueKind}, {@code visit_value_path} ...): a row
 * per (visit, value) with its number of views and the first and last of them, folded from the event tail
 * by adding to the pairs already there and inserting new ones. Exact in any arrival order: counts add up
 * and spans only grow. Rows name their visit by its number ({@link UnitNumbers#VISITS}, V44), given first.
 */
public final class VisitValueSpans {
    private VisitValueSpans() {
    }

    private static final UnitNumbers NUMBERS = UnitNumbers.VISITS;

    /** One kind's (visit number, value, views, first, last) over the view rows of {@code source} (alias e, with visit_num). */
    private static String pairs(SessionValueKind k, String source) {
        return "SELECT e.website_id, e.visit_num, v AS value, count(*)::INTEGER AS views, min(e.created_at) AS first_at, "
                + "max(e.created_at) AS last_at FROM (SELECT e.*, " + k.sql(Rollups.DIALECT) + " AS v FROM " + source + ") e"
                + " WHERE " + SessionValueKind.stored("v") + " GROUP BY e.website_id, e.visit_num, v";
    }

    /** Folds the tail's view pairs into every kind's table; runs after {@link VisitSpans#fold} (it reads the visits' extent). */
    static void fold(Connection c) throws SQLException {
        String same = "s.visit_num = d.visit_num AND s.value = d.value AND s.website_id = d.website_id";
        try (Statement st = c.createStatement()) {
            String views = "SELECT * FROM " + Rollups.TAIL + " e WHERE e.event_type IN (1, 3, 4)";
            st.execute(NUMBERS.assign(views));
            st.execute("CREATE OR REPLACE TEMP TABLE visit_value_views AS " + NUMBERS.numbered(views));
            // Stored pairs of these visits start no earlier than their visits: a bound the scans can prune row groups by.
            String from;
            try (var rs = st.executeQuery("SELECT min(v.first_at)::VARCHAR FROM visit v WHERE v.visit_id IN (SELECT visit_id FROM visit_value_views)")) {
                rs.next();
                from = rs.getString(1);
            }
            if (from != null) {
                String bound = "s.first_at >= TIMESTAMP '" + from + "'"; // our own value, not input
                RollupTotals.begin(st, RollupTotals.visitValueDays(SessionValueKind.PATH));
                for (SessionValueKind k : SessionValueKind.values()) {
                    st.execute("CREATE OR REPLACE TEMP TABLE visit_value_delta AS " + pairs(k, "visit_value_views e"));
                    // The day sums lose the touched rows as they were and gain them as they become.
                    String touched = bound + " AND EXISTS (SELECT 1 FROM visit_value_delta d WHERE " + same + ")";
                    st.execute(RollupTotals.contribution(RollupTotals.visitValueDays(k), -1, touched));
                    st.execute("UPDATE " + k.visitTable() + " s SET views = s.views + d.views, first_at = least(s.first_at, d.first_at), "
                            + "last_at = greatest(s.last_at, d.last_at) FROM visit_value_delta d WHERE " + bound + " AND " + same);
                    st.execute("INSERT INTO " + k.visitTable() + " SELECT d.* FROM visit_value_delta d WHERE NOT EXISTS (SELECT 1 FROM "
                            + k.visitTable() + " s WHERE " + bound + " AND " + same + ") ORDER BY d.first_at");
                    st.execute(RollupTotals.contribution(RollupTotals.visitValueDays(k), 1, touched));
                }
                RollupTotals.commit(st, RollupTotals.visitValueDays(SessionValueKind.PATH));
                st.execute("DROP TABLE visit_value_delta");
            }
            st.execute("DROP TABLE visit_value_views");
        }
    }

    /** Rebuilds visit_value_day from the kinds' tables (after they are rebuilt whole). */
    static List<String> rebuildDays() {
        List<String> out = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) out.add(RollupTotals.rebuild(RollupTotals.visitValueDays(k)));
        return out;
    }

    /** Rebuild statements from the folded events of the visits {@code visits} names (numbering the visits without one first). */
    static List<String> rebuild(Narrowing visits) {
        return rebuild(visits, SessionValueKind.values());
    }

    /** As {@link #rebuild(Narrowing)}, for the kinds {@code kinds} only. */
    static List<String> rebuild(Narrowing visits, SessionValueKind... kinds) {
        String views = "SELECT * FROM event e WHERE e.event_type IN (1, 3, 4) AND " + Rollups.FOLDED.replace("ingest_seq", "e.ingest_seq")
                + visits.and("e.visit_id");
        List<String> out = new ArrayList<>();
        out.add(NUMBERS.assign(views));
        for (SessionValueKind k : kinds) {
            out.add("INSERT INTO " + k.visitTable() + " SELECT * FROM (" + pairs(k, "(" + NUMBERS.numbered(views) + ") e") + ") p ORDER BY website_id, first_at");
        }
        return out;
    }

    /** Deletes the rows of the visits {@code visits} names (their numbers stay). */
    static List<String> delete(Narrowing visits) {
        List<String> out = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) out.add("DELETE FROM " + k.visitTable() + " s WHERE " + touched(visits));
        return out;
    }

    /** The rows (alias s) of the visits {@code visits} names: for bracketing their day sums. */
    static String touched(Narrowing visits) {
        return NUMBERS.named(visits, "s");
    }

    /** Every table of the rollup. */
    static List<String> tables() {
        List<String> out = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) out.add(k.visitTable());
        out.add("visit_value_day");
        out.add(NUMBERS.table());
        return out;
    }
}
