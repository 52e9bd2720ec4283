package io.footfall.accelerate.duckdb;

import io.footfall.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The copy of each session's folded span on its session data rows (V18: {@code session_first_at} and
 * {@code session_last_at} of {@code session_data}). It always equals the session's {@code session_span} row, NULL when there is none: new rows take it at append, and every change to
 * session_span (fold, re-ship, rebuild) is followed here in the same transaction.
 */
public final class SessionDataSpans {
    /** A session's folded span as its session data rows carry it. */
    public record Span(Instant firstAt, Instant lastAt) {
    }

    private static final String SET = "session_first_at = v.first_at, session_last_at = v.last_at";
    /** Only rows whose copy is out of date are written: an update costs far more than the comparison. */
    private static final String DIFFERS = " AND (d.session_first_at IS DISTINCT FROM v.first_at OR d.session_last_at IS DISTINCT FROM v.last_at)";
    private static final String CLEAR = "session_first_at = NULL, session_last_at = NULL";

    private SessionDataSpans() {
    }

    /** The spans of these sessions in session_span, by session id (absent: no folded activity). */
    public static Map<UUID, Span> lookup(Connection c, UUID websiteId, Collection<UUID> sessionIds) throws SQLException {
        Map<UUID, Span> spans = new HashMap<>();
        List<UUID> ids = new ArrayList<>(sessionIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT session_id, first_at, last_at FROM session_span "
                    + "WHERE website_id = ? AND session_id IN (" + marks + ")")) {
                ps.setObject(1, websiteId);
                for (int i = 0; i < chunk.size(); i++) ps.setObject(i + 2, chunk.get(i));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) spans.put((UUID) rs.getObject(1), new Span(Sql.instant(rs, 2), Sql.instant(rs, 3)));
                }
            }
        }
        return spans;
    }

    /**
     * After a fold changed the session_span rows of the sessions in temp table {@code touched_sessions}: their
     * session data rows follow. A fold never removes a session_span row, so only rows that differ change.
     */
    static void followFold(Statement st) throws SQLException {
        st.execute("UPDATE session_data d SET " + SET + " FROM (SELECT * FROM session_span WHERE session_id IN "
                + "(SELECT session_id FROM touched_sessions)) v WHERE v.website_id = d.website_id AND v.session_id = d.session_id"
                + DIFFERS);
    }

    /**
     * After the session_span rows of some sessions were rebuilt (re-ship): their session data rows follow,
     * cleared first as a session may have lost its row. Each statement takes the ids {@code sessions} names.
     */
    static List<String> followRebuild(Narrowing sessions) {
        return List.of("UPDATE session_data SET " + CLEAR + " WHERE " + sessions.in("session_id"),
                "UPDATE session_data d SET " + SET + " FROM session_span v WHERE " + sessions.in("d.session_id")
                        + " AND v.website_id = d.website_id AND v.session_id = d.session_id");
    }

    /** Copies every session's span again (after a bulk rebuild of session_span that bypassed the fold). */
    static final List<String> RESYNC = List.of(
            "UPDATE session_data d SET " + CLEAR + " WHERE d.session_first_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM session_span v "
                    + "WHERE v.website_id = d.website_id AND v.session_id = d.session_id)",
            "UPDATE session_data d SET " + SET + " FROM session_span v WHERE v.website_id = d.website_id AND v.session_id = d.session_id"
                    + DIFFERS);
}
