package io.footfall.accelerate.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The per-visit journey rollup (V35: {@code visit_journey}, items numbered in {@code journey_item}): a visit's span
 * over its reportable rows and its first seven items in the journey report's order. A fold merges the tail's first
 * seven rows of each visit into the stored seven (kept with their sort keys), so late rows land in their place.
 * The stored keys are (created_at, event_type) without the event id that breaks ties in the report's order (V45:
 * 16 bytes a row); a list keeps tied rows in their order, and a visit whose tail rows tie a stored row's key is
 * built again from its events instead of merged (rare: a late row at the very instant and type of a stored one).
 * The stored list keeps no items either (V46): they are e1...e7, what the report reads, and a merge takes them from there.
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

    /**
     * A stored row from a built row of alias {@code s} (website_id, visit_id, first_at, last_at and firsts with their
     * items): the list keeps only each row's sort key, its items go to e1...e7.
     */
    private static String stored(String s) {
        return s + ".website_id, " + s + ".visit_id, " + s + ".first_at, " + s + ".last_at, list_transform(" + s
                + ".firsts, lambda x: struct_pack(ts := x.ts, t := x.t)), " + items(s);
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
                "INSERT INTO visit_journey SELECT " + stored("s") + " FROM ("
                        + spans("(SELECT * FROM " + folded + ") r") + ") s ORDER BY first_at");
    }

    /**
     * A list's rows keyed for a merge: (ts, t, position), so that rows tied on (ts, t) keep their order in the list, with
     * their items ({@code item}: over the row {@code x} and its position {@code i}).
     */
    private static String positioned(String list, String item) {
        return "list_transform(" + list + ", lambda x, i: struct_pack(ts := x.ts, t := x.t, k := i, item := " + item + "))";
    }

    /** A stored row's items as a list, from the columns the report reads (V46: its list keeps none). */
    private static String storedItems(String v) {
        return "[" + v + ".e1, " + v + ".e2, " + v + ".e3, " + v + ".e4, " + v + ".e5, " + v + ".e6, " + v + ".e7]";
    }

    /** {@code e1 = alias.firsts[1].item, ...}: a stored row's items from a merged list. */
    private static String assigned(String alias) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 7; i++) s.append(i == 1 ? "" : ", ").append("e").append(i).append(" = ").append(alias).append(".firsts[").append(i).append("].item");
        return s.toString();
    }

    /** A list's (ts, t) keys as numbers, to find ties between the stored rows and the tail's. */
    private static String keys(String list) {
        return "list_transform(" + list + ", lambda x: epoch_us(x.ts) * 16 + x.t)";
    }

    /** Merges the tail's reportable rows into visit_journey. */
    static void fold(Connection c) throws SQLException {
        String tail = Rollups.TAIL + " WHERE " + REPORTABLE;
        String match = "v.website_id = d.website_id AND v.visit_id = d.visit_id";
        try (Statement st = c.createStatement()) {
            st.execute(numberItems(tail));
            st.execute("CREATE OR REPLACE TEMP TABLE journey_delta AS " + spans("(SELECT * FROM " + tail + ") r"));
            // Without the event ids a tail row tied with a stored one on (created_at, event_type) has no known order
            // against it: those visits are built from all their events (every event is folded once this fold commits).
            st.execute("CREATE OR REPLACE TEMP TABLE journey_tied AS SELECT d.website_id, d.visit_id FROM journey_delta d "
                    + "JOIN visit_journey v ON " + match + " WHERE list_has_any(" + keys("v.firsts") + ", " + keys("d.firsts") + ")");
            // the merged first rows of the stored visits, with their items (the stored ones from e1...e7)
            st.execute("CREATE OR REPLACE TEMP TABLE journey_merged AS SELECT d.website_id, d.visit_id, least(v.first_at, d.first_at) AS first_at, "
                    + "greatest(v.last_at, d.last_at) AS last_at, list_sort(list_concat(" + positioned("v.firsts", storedItems("v") + "[i]") + ", "
                    + positioned("d.firsts", "x.item") + "))[1:7] AS firsts FROM journey_delta d JOIN visit_journey v ON " + match);
            st.execute("UPDATE visit_journey v SET first_at = d.first_at, last_at = d.last_at, firsts = list_transform(d.firsts, "
                    + "lambda x: struct_pack(ts := x.ts, t := x.t)), " + assigned("d") + " FROM journey_merged d WHERE " + match);
            st.execute("INSERT INTO visit_journey SELECT " + stored("d") + " FROM journey_delta d "
                    + "WHERE NOT EXISTS (SELECT 1 FROM visit_journey v WHERE " + match + ") "
                    + "ORDER BY d.first_at");
            st.execute("DELETE FROM visit_journey v WHERE EXISTS (SELECT 1 FROM journey_tied d WHERE " + match + ")");
            st.execute("INSERT INTO visit_journey SELECT " + stored("s") + " FROM ("
                    + spans("(SELECT e.* FROM event e JOIN journey_tied d ON e.website_id = d.website_id AND e.visit_id = d.visit_id WHERE e."
                    + REPORTABLE + ") r") + ") s");
            st.execute("DROP TABLE journey_delta");
            st.execute("DROP TABLE journey_merged");
            st.execute("DROP TABLE journey_tied");
        }
    }
}
