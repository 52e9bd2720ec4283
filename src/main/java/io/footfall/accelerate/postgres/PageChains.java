package io.footfall.accelerate.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * The writer of {@code visit_view_span}'s chain columns (V17): per visit, the first_at of the previous visit of its session
 * with the same entry path ({@code entry_prev_at}) and of the next with the same exit path ({@code exit_next_at}), ordered
 * by (first_at, visit_id). A batch can add a visit, move a visit's first view or change its entry or exit path, so every
 * chain of the sessions it touched is computed again; only rows whose neighbour changed are written.
 */
final class PageChains {
    /** The chain columns of {@code visit_view_span} rows ({@code FROM} clause appended by the caller). */
    private static final String CHAINS = "SELECT w.website_id, w.visit_id, "
            + "CASE WHEN w.entry_path IS NOT NULL THEN lag(w.first_at) OVER (PARTITION BY w.website_id, w.session_id, w.entry_path "
            + "ORDER BY w.first_at, w.visit_id) END AS p, "
            + "CASE WHEN w.exit_path IS NOT NULL THEN lead(w.first_at) OVER (PARTITION BY w.website_id, w.session_id, w.exit_path "
            + "ORDER BY w.first_at, w.visit_id) END AS n ";
    private static final String SET = "UPDATE visit_view_span v SET entry_prev_at = c.p, exit_next_at = c.n FROM (";
    private static final String CHANGED = ") c WHERE v.website_id = c.website_id AND v.visit_id = c.visit_id "
            + "AND (v.entry_prev_at IS DISTINCT FROM c.p OR v.exit_next_at IS DISTINCT FROM c.n)";

    private PageChains() {
    }

    /** Recomputes the chains of these sessions (keys of website and session id). */
    static void recompute(Connection c, Set<SpanRows.Key> sessions) throws SQLException {
        if (sessions.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(SET + CHAINS + "FROM unnest(?::uuid[], ?::uuid[]) AS k(w, s) "
                + "JOIN visit_view_span w ON w.website_id = k.w AND w.session_id = k.s" + CHANGED)) {
            SpanRows.bind(c, ps, sessions.stream().map(SpanRows.Key::website).toList(), "uuid",
                    sessions.stream().map(SpanRows.Key::id).toList(), "uuid");
            ps.executeUpdate();
        }
    }

    /** Every chain again (after {@code SpanRows.rebuildAll} wrote the visits); the migration's fill computes the same. */
    static void rebuildAll(Statement st) throws SQLException {
        st.execute(SET + CHAINS + "FROM visit_view_span w" + CHANGED);
    }
}
