package io.footfall.accelerate.duckdb;

import io.footfall.report.TouchValues;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The per-visit touch rollup (V40: {@code visit_touch}): a visit's span over its reportable rows and the attribution
 * touch values of its rows at its first seven instants (V41; those at the first instant are read from them since V50; the
 * instants without the span's ends since V54). A fold merges the tail's visits: a late row before the stored first
 * instant replaces the values, rows at that instant add theirs.
 */
final class TouchSpans {
    /** The rows the attribution report reads. */
    static final String REPORTABLE = "event_type IN (1, 2, 3, 4)";
    /** One row's touch values (the list's element; an empty list or a NULL needs the type spelled out). */
    static final String VALUES = "STRUCT(referrer VARCHAR, paid VARCHAR, utm_source VARCHAR, utm_medium VARCHAR, utm_campaign VARCHAR,"
            + " utm_content VARCHAR, utm_term VARCHAR)";

    private TouchSpans() {
    }

    /** A row's touch values over alias {@code e} as (name, expression) pairs, as the plain report reads them. */
    private static List<String[]> fields(String e) {
        return TouchValues.fields(e);
    }

    /** The touch values of alias {@code e} as one struct ({@link #VALUES}). */
    static String values(String e) {
        StringBuilder s = new StringBuilder("struct_pack(");
        for (String[] f : fields(e)) s.append(s.length() > 12 ? ", " : "").append(f[0]).append(" := ").append(f[1]);
        return s.append(")").toString();
    }

    /** The touch values of alias {@code e} as columns named like the struct's fields. */
    static String columns(String e) {
        return TouchValues.columns(e);
    }

    /** Whether touch values {@code u} (a struct of {@link #values}) name anything: the others add to no list. */
    private static String any(String u) {
        return "(" + u + ".referrer <> '' OR " + u + ".paid <> '' OR " + u + ".utm_source <> '' OR " + u + ".utm_medium <> '' OR "
                + u + ".utm_campaign <> '' OR " + u + ".utm_content <> '' OR " + u + ".utm_term <> '')";
    }

    /** How many of a visit's first instants {@code instants} and {@code early} hold (a visit's first seven journey rows, {@code firsts}, lie within them). */
    static final int EARLY = 7;
    /** One entry of {@code early}: a row's instant and its touch values. */
    static final String EARLY_ROW = "STRUCT(ts TIMESTAMP, u " + VALUES + ")";

    /**
     * Per visit of the reportable rows {@code source} (a FROM ... WHERE part over the event columns): span, first-instant
     * touches, its first {@link #EARLY} instants and the touch values of its rows at them.
     */
    private static String spans(String source) {
        return "SELECT website_id, visit_id, any_value(session_id) AS session_id, min(created_at) AS first_at, max(created_at) AS last_at, "
                + "coalesce(list(u) FILTER (WHERE created_at = f AND " + any("u") + "), []::" + VALUES + "[]) AS touches, "
                + "list_sort(list_distinct(list(created_at) FILTER (WHERE n <= " + EARLY + "))) AS instants, "
                + "coalesce(list(struct_pack(ts := created_at, u := u)) FILTER (WHERE n <= " + EARLY + " AND " + any("u") + "), []::" + EARLY_ROW + "[]) AS early FROM ("
                + "SELECT r.website_id, r.visit_id, r.session_id, r.created_at, " + values("r") + " AS u, "
                + "min(r.created_at) OVER (PARTITION BY r.website_id, r.visit_id) AS f, "
                + "dense_rank() OVER (PARTITION BY r.website_id, r.visit_id ORDER BY r.created_at) AS n FROM " + source + ") s GROUP BY website_id, visit_id";
    }

    /**
     * The columns of visit_touch (since V50 without {@code touches}: they are {@code early}'s rows at {@code first_at}, see
     * {@link #firstTouches}; since V54 {@code mid_instants}, the first seven instants without {@code first_at} and
     * {@code last_at}, see {@link #instants}).
     */
    static final String STORED = "website_id, visit_id, session_id, first_at, last_at, mid_instants, early";

    /** {@link #STORED} from rows of alias {@code a} with the full {@code instants} (as {@link #spans} gives them). */
    private static String stored(String a) {
        return a + ".website_id, " + a + ".visit_id, " + a + ".session_id, " + a + ".first_at, " + a + ".last_at, "
                + mid(a + ".instants", a + ".last_at") + ", " + a + ".early";
    }

    /**
     * The instants of list {@code instants} (sorted, distinct, its first {@code first}) strictly between the first and
     * {@code last}: what visit_touch stores (V54). (Sliced, not filtered by a lambda naming the row's columns: such lambdas
     * failed inside DuckDB over the 3.3 M rows of the bench data.)
     */
    private static String mid(String instants, String last) {
        return "list_slice(" + instants + ", 2, CASE WHEN list_last(" + instants + ") = " + last + " THEN len(" + instants + ") - 1 ELSE len(" + instants + ") END)";
    }

    /**
     * The first {@link #EARLY} instants of visit_touch row {@code t} (before V54 its column {@code instants}). The first
     * is always {@code first_at}; the last held is {@code last_at} unless the visit has more than seven (then
     * {@code mid_instants} holds all six after the first, and {@code last_at} lies after them). One instant: first_at = last_at.
     */
    static String instants(String t) {
        return "list_concat([" + t + ".first_at], " + t + ".mid_instants, CASE WHEN " + t + ".last_at > " + t + ".first_at AND len("
                + t + ".mid_instants) < " + (EARLY - 1) + " THEN [" + t + ".last_at] ELSE []::TIMESTAMP[] END)";
    }

    /** Whether visit_touch row {@code t} holds seven instants (has seven or more): {@code len(instants) = 7}. */
    static String holdsSeven(String t) {
        return "len(" + t + ".mid_instants) >= " + (EARLY - 2);
    }

    /** The last instant visit_touch row {@code t} holds ({@code list_last(instants)}): the sixth after the first, or {@code last_at}. */
    static String lastHeld(String t) {
        return "CASE WHEN len(" + t + ".mid_instants) = " + (EARLY - 1) + " THEN " + t + ".mid_instants[" + (EARLY - 1) + "] ELSE " + t + ".last_at END";
    }

    /** The latest instant visit_touch row {@code t} holds before {@code at}, where its first_at is before it and its last_at is not. */
    static String heldBefore(String t, String at) {
        return "coalesce(list_max(list_filter(" + t + ".mid_instants, lambda i: i < " + at + ")), " + t + ".first_at)";
    }

    /** The touch values of visit_touch row {@code t}'s rows at its first instant: {@code early}'s at {@code first_at} (always among the seven). */
    static String firstTouches(String t) {
        return "list_transform(list_filter(" + t + ".early, lambda x: x.ts = " + t + ".first_at), lambda x: x.u)";
    }

    /** Rebuild statements from the folded events of the visits {@code visits} names. */
    static List<String> rebuild(Narrowing visits) {
        return List.of("INSERT INTO visit_touch (" + STORED + ") SELECT " + stored("t") + " FROM (" + spans("event r WHERE r." + REPORTABLE + " AND r." + Rollups.FOLDED
                + visits.and("r.visit_id")) + ") t ORDER BY first_at");
    }

    /** The first {@link #EARLY} instants of stored row {@code v} and tail row {@code d} together. */
    private static final String MERGED_INSTANTS = "list_sort(list_distinct(list_concat(" + instants("v") + ", d.instants)))[1:" + EARLY + "]";

    /** Merges the tail's reportable rows into visit_touch and session_touch. */
    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE touch_delta AS " + spans(Rollups.TAIL + " r WHERE r." + REPORTABLE));
            // the stored values stay, give way to earlier rows, or gain rows at the same instant
            // (the first instant's rows are early's at first_at: the merged early holds the earlier side's, or both sides' when equal)
            st.execute("UPDATE visit_touch v SET first_at = least(v.first_at, d.first_at),"
                    + " last_at = greatest(v.last_at, d.last_at), mid_instants = " + mid(MERGED_INSTANTS, "greatest(v.last_at, d.last_at)")
                    + ", early = list_filter(list_concat(v.early, d.early),"
                    + " lambda x: x.ts <= list_last(" + MERGED_INSTANTS + "))"
                    + " FROM touch_delta d WHERE v.website_id = d.website_id AND v.visit_id = d.visit_id");
            st.execute("INSERT INTO visit_touch (" + STORED + ") SELECT " + stored("d") + " FROM touch_delta d WHERE NOT EXISTS (SELECT 1 FROM visit_touch v"
                    + " WHERE v.website_id = d.website_id AND v.visit_id = d.visit_id) ORDER BY d.first_at");
            // the sessions' first instants follow from the same tail visits
            SessionTouches.fold(st, "touch_delta");
            st.execute("DROP TABLE touch_delta");
        }
    }
}
