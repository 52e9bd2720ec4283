package io.footfall.accelerate.postgres;

import io.footfall.query.SqlText;

import java.time.Instant;
import java.util.UUID;

/**
 * The visits of {@code visit_view_span} crossing the start or the end of a range ({@code visit_id, session_id}): their
 * first view lies within the website's longest visit before that end, which an index on {@code (website_id, first_at)}
 * finds; their views inside the range are read from events by the readers.
 */
final class CrossingVisits {
    /** The website's longest visit, plus a second (secs is floored): no visit crossing an instant began earlier before it. */
    private static final String LONGEST = "(SELECT make_interval(secs => coalesce(max(l.secs), 0) + 1) FROM visit_view_span l WHERE l.website_id = ?)";

    private CrossingVisits() {
    }

    /** A SELECT of the crossing visits, without duplicates. */
    static SqlText select(UUID w, Instant s, Instant e) {
        return new SqlText()
                .add("SELECT v.visit_id, v.session_id FROM visit_view_span v WHERE v.website_id = ? "
                        + "AND v.first_at < ? AND v.first_at >= ?::timestamp - " + LONGEST + " AND v.last_at >= ? ", w, s, s, w, s)
                .add("UNION SELECT v.visit_id, v.session_id FROM visit_view_span v WHERE v.website_id = ? "
                        + "AND v.first_at <= ? AND v.first_at >= ?::timestamp - " + LONGEST + " AND v.last_at > ?", w, e, e, w, e);
    }
}
