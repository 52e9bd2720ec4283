package io.footfall.accelerate.postgres;

import io.footfall.query.SqlText;

import java.time.Instant;
import java.util.UUID;

/**
 * The sessions with a row inside a range, counted from a session span table and its visit span table without a distinct
 * count over events: those inside the range; those crossing only its end (their first row is inside); those crossing its
 * start, counted when one of their visits starts inside or crosses the start with a row inside (the reader's {@code cut},
 * which has a {@code session_id} per such visit). A visit belongs to one session (the collector mints visit ids per session).
 */
final class SessionCount {
    private SessionCount() {
    }

    /** {@code sessions AS (...)}: rows of counts whose sum is the answer. */
    static SqlText cte(String sessionTable, String visitTable, UUID w, Instant s, Instant e) {
        return new SqlText()
                .add("sessions AS (SELECT count(*) AS n FROM " + sessionTable + " p WHERE p.website_id = ? AND p.first_at >= ? AND p.last_at <= ? ",
                        w, s, e)
                .add("UNION ALL SELECT count(*) FROM " + sessionTable + " p WHERE p.website_id = ? "
                        + "AND p.first_at BETWEEN ? AND ? AND p.last_at > ? ", w, s, e, e)
                .add("UNION ALL SELECT count(*) FROM (SELECT p.session_id FROM " + sessionTable + " p WHERE p.website_id = ? "
                        + "AND p.last_at >= ? AND p.first_at < ? ", w, s, s)
                .add("AND EXISTS (SELECT 1 FROM " + visitTable + " v WHERE v.website_id = ? AND v.session_id = p.session_id "
                        + "AND v.first_at BETWEEN ? AND ?) ", w, s, e)
                // (a session with a row inside that began before the start contains the start)
                .add("UNION SELECT p.session_id FROM cut c JOIN " + sessionTable + " p ON p.website_id = ? AND p.session_id = c.session_id "
                        + "AND p.first_at < ?) q)", w, s);
    }
}
