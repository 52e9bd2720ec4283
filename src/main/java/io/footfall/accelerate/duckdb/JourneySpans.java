package io.footfall.accelerate.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The per-visit journey rollup (V35: {@code visit_journey}, items numbered in {@code journey_item}): a visit's span
 * over its reportable rows and its first seven items in the journey report's order.
 * The stored row keeps the items only (e1...e7, what the report reads) and how many of them there are ({@code n}), not
 * their sort keys (V51: ~12 bytes an event; V45/V46 had already dropped the event ids and the items from the list): a
 * fold appends tail rows that all come after a visit's last row, and builds a visit with late rows again from its events.
 */
final class JourneySpans {
    /** The rows the journey report reads. */
    static final String REPORTABLE = "event_type IN (1, 2, 3, 4)";
    private static final String ITEM = "coalesce(nullif(event_name, ''), url_path)";


    private JourneySpans() {
    }

    /** {@code alias.firsts[1].item, ...}: the items of a built list (whose rows still carry them). */
    private static String items(String alias) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 7; i++) s.append(i == 1 ? "" : ", ").append(alias).append(".firsts[").append(i).append("].item");
        return s.toString();
    }

    /** visit_journey's columns (V51: the first rows' count {@code n} instead of their keys). */
    private static final String COLUMNS = "website_id, visit_id, first_at, last_at, e1, e2, e3, e4, e5, e6, e7, n";

    /**
     * A stored row from a built row of alias {@code s} (website_id, visit_id, first_at, last_at and firsts with their
     * items): its first rows' items go to e1...e7, their count to n.
     */
    private static String stored(String s) {
        return s + ".website_id, " + s + ".visit_id, " + s + ".first_at, " + s + ".last_at, " + items(s) + ", len(" + s + ".firsts)";
    }

    /** Numbers the items of the rows {@code source} (a FROM ... WHERE part) that have no number yet. */
    private static String numberItems(String source) {
        return "INSERT INTO journey_item SELECT (SELECT coalesce(max(id), 0) FROM journey_item) + row_number() OVER (ORDER BY item), item "
                + "FROM (SELECT DISTINCT " + ITEM + " AS item FROM " + source + ") n "
                + "WHERE item IS NOT NULL AND item NOT IN (SELECT item FROM journey_item)";
    }

    /** Per visit of the rows {@code source}: span and first seven rows with their items (numbers looked up). */
    private static String spans(String source) {
        return "SELECT r.website_id, r.visit_id, min(r.created_at) AS first_at, "
                + "max(r.created_at) AS last_at, list(struct_pack(ts := r.created_at, t := r.event_type, item := j.id) "
                + "ORDER BY r.created_at, r.event_type, r.event_id)[1:7] AS firsts FROM " + source
                + " LEFT JOIN journey_item j ON j.item = coalesce(nullif(r.event_name, ''), r.url_path) GROUP BY r.website_id, r.visit_id";
    }

    /** Rebuild statements from the folded events of the visits {@code visits} names. */
    static List<String> rebuild(Narrowing visits) {
        String folded = "event WHERE " + REPORTABLE + " AND " + Rollups.FOLDED + visits.and("visit_id");
        return List.of(numberItems(folded),
                "INSERT INTO visit_journey (" + COLUMNS + ") SELECT " + stored("s") + " FROM ("
                        + spans("(SELECT * FROM " + folded + ") r") + ") s ORDER BY first_at");
    }

    /** A stored row's items as a list, from the columns the report reads (V46: its list keeps none). */
    private static String storedItems(String v) {
        return "[" + v + ".e1, " + v + ".e2, " + v + ".e3, " + v + ".e4, " + v + ".e5, " + v + ".e6, " + v + ".e7]";
    }

    /** {@code e1 = alias.items[1], ...}: a stored row's items from a merged list. */
    private static String assigned(String alias) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 7; i++) s.append(i == 1 ? "" : ", ").append("e").append(i).append(" = ").append(alias).append(".items[").append(i).append("]");
        return s.toString();
    }

    /**
     * Merges the tail's reportable rows into visit_journey. A stored visit whose tail rows all come after its last row
     * (rows arriving in time order, the usual case) gains them after its stored items, when it has fewer than seven;
     * one with a tail row at or before its last row is built again from its events (the stored row keeps no sort keys,
     * V51), read in the window of those visits' spans.
     */
    static void fold(Connection c) throws SQLException {
        String tail = Rollups.TAIL + " WHERE " + REPORTABLE;
        String match = "v.website_id = d.website_id AND v.visit_id = d.visit_id";
        try (Statement st = c.createStatement()) {
            st.execute(numberItems(tail));
            st.execute("CREATE OR REPLACE TEMP TABLE journey_delta AS " + spans("(SELECT * FROM " + tail + ") r"));
            // late rows (at or before a stored visit's last row): their place among the stored rows is not known
            st.execute("CREATE OR REPLACE TEMP TABLE journey_rebuilt AS SELECT d.website_id, d.visit_id, least(v.first_at, d.first_at) AS lo, "
                    + "greatest(v.last_at, d.last_at) AS hi FROM journey_delta d JOIN visit_journey v ON " + match + " WHERE d.first_at <= v.last_at");
            // the others: the stored items (all the visit's rows when fewer than seven) then the tail's, first seven kept
            st.execute("CREATE OR REPLACE TEMP TABLE journey_merged AS SELECT d.website_id, d.visit_id, d.last_at, list_concat("
                    + storedItems("v") + "[1:v.n], list_transform(d.firsts, lambda x: x.item))[1:7] AS items, least(v.n + len(d.firsts), 7) AS n "
                    + "FROM journey_delta d JOIN visit_journey v ON " + match + " WHERE d.first_at > v.last_at");
            st.execute("UPDATE visit_journey v SET last_at = d.last_at, " + assigned("d") + ", n = d.n FROM journey_merged d WHERE " + match);
            st.execute("INSERT INTO visit_journey (" + COLUMNS + ") SELECT " + stored("d") + " FROM journey_delta d "
                    + "WHERE NOT EXISTS (SELECT 1 FROM visit_journey v WHERE " + match + ") "
                    + "ORDER BY d.first_at");
            st.execute("DELETE FROM visit_journey v WHERE EXISTS (SELECT 1 FROM journey_rebuilt d WHERE " + match + ")");
            // (every event is folded once this fold commits; the spans' window lets the scan skip the rest by its zone maps)
            st.execute("INSERT INTO visit_journey (" + COLUMNS + ") SELECT " + stored("s") + " FROM ("
                    + spans("(SELECT e.* FROM event e JOIN journey_rebuilt d ON e.website_id = d.website_id AND e.visit_id = d.visit_id WHERE e."
                    + REPORTABLE + " AND e.created_at BETWEEN (SELECT min(lo) FROM journey_rebuilt) AND (SELECT max(hi) FROM journey_rebuilt)) r") + ") s");
            st.execute("DROP TABLE journey_delta");
            st.execute("DROP TABLE journey_merged");
            st.execute("DROP TABLE journey_rebuilt");
        }
    }
}
