package io.footfall.accelerate.duckdb;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The per-session touch rollup (V42: {@code session_touch}): a session's first reportable instant and the touch values of
 * its rows there, for the attribution report's first-click. Computed from per-visit rows of {@code visit_touch}'s shape
 * (a session's first instant is its visits' earliest; the rows there are those of the visits starting at it), so a
 * rebuild reads {@code visit_touch} (the first instant's rows of its {@code early}) and a fold the tail's visits ({@code touch_delta}), merged as {@link TouchSpans} merges
 * visits: an earlier tail instant replaces the values, the same instant adds its rows, a later one leaves them.
 */
final class SessionTouches {
    private SessionTouches() {
    }

    /** Per session of the visit rows {@code visits} (a table or a FROM ... WHERE part with website_id, session_id, first_at, touches). */
    private static String sessions(String visits) {
        return "SELECT website_id, session_id, min(first_at) AS first_at, coalesce(flatten(list(touches) FILTER (WHERE first_at = f)), []::"
                + TouchSpans.VALUES + "[]) AS touches FROM (SELECT website_id, session_id, first_at, touches, "
                + "min(first_at) OVER (PARTITION BY website_id, session_id) AS f FROM " + visits + ") v GROUP BY website_id, session_id";
    }

    /** Rebuild statements from visit_touch (already rebuilt) for the sessions {@code sessions} names, or all. */
    static List<String> rebuild(Narrowing sessions) {
        return List.of("INSERT INTO session_touch SELECT * FROM (" + sessions("(SELECT website_id, session_id, first_at, " + TouchSpans.firstTouches("t")
                + " AS touches FROM visit_touch t WHERE TRUE" + sessions.and("session_id") + ") t")
                + ") s ORDER BY first_at");
    }

    /** Merges the tail's visits ({@code delta}, rows of visit_touch's shape) into session_touch. */
    static void fold(Statement st, String delta) throws SQLException {
        st.execute("CREATE OR REPLACE TEMP TABLE session_touch_delta AS " + sessions(delta));
        st.execute("UPDATE session_touch v SET touches = CASE WHEN d.first_at < v.first_at THEN d.touches WHEN d.first_at = v.first_at"
                + " THEN list_concat(v.touches, d.touches) ELSE v.touches END, first_at = least(v.first_at, d.first_at)"
                + " FROM session_touch_delta d WHERE v.website_id = d.website_id AND v.session_id = d.session_id");
        st.execute("INSERT INTO session_touch SELECT d.* FROM session_touch_delta d WHERE NOT EXISTS (SELECT 1 FROM session_touch v"
                + " WHERE v.website_id = d.website_id AND v.session_id = d.session_id) ORDER BY d.first_at");
        st.execute("DROP TABLE session_touch_delta");
    }
}
