package io.footfall.accelerate.postgres;

import io.footfall.query.SqlText;

import java.time.Instant;
import java.util.UUID;

/**
 * The visits of a visit span table ({@code visit_view_span}, {@code visit_activity_span}) crossing the start or the end of a range ({@code visit_id, session_id}): their
 * first view lies within the website's longest visit before that end, which an index on {@code (website_id, first_at)}
 * finds; their views inside the range are read from events by the readers.
 */
final class CrossingVisits {
    private CrossingVisits() {
    }

    /** A SELECT of the crossing visits of {@code table}, without duplicates. */
    static SqlText select(String table, UUID w, Instant s, Instant e) {
        // The website's longest visit, plus a second (secs is floored): no visit crossing an instant began earlier before it.
        String longest = "(SELECT make_interval(secs => coalesce(max(l.secs), 0) + 1) FROM " + table + " l WHERE l.website_id = ?)";
        return new SqlText()
                .add("SELECT v.visit_id, v.session_id FROM " + table + " v WHERE v.website_id = ? "
                        + "AND v.first_at < ? AND v.first_at >= ?::timestamp - " + longest + " AND v.last_at >= ? ", w, s, s, w, s)
                .add("UNION SELECT v.visit_id, v.session_id FROM " + table + " v WHERE v.website_id = ? "
                        + "AND v.first_at <= ? AND v.first_at >= ?::timestamp - " + longest + " AND v.last_at > ?", w, e, e, w, e);
    }
}
