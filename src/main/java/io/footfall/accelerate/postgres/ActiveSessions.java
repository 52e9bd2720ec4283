package io.footfall.accelerate.postgres;

import io.footfall.query.SqlText;

import java.time.Instant;
import java.util.UUID;

/**
 * The sessions with an event but web vitals inside a range, from {@code session_activity_span} (V16) instead of the range's
 * events: a session whose first or last such event lies inside has one; a session that began before the range and ends
 * after it is probed for one in {@code event} (through {@code event_by_session}). Over 90 days at 1 M events the reference's
 * {@code IN (SELECT session_id FROM event …)} read the range's ~860 k events to find ~90 k sessions.
 */
final class ActiveSessions {
    private ActiveSessions() {
    }

    /** The condition that {@code column} (a session id) is one of the range's active sessions. */
    static SqlText condition(String column, UUID w, Instant s, Instant e) {
        // Two uncorrelated IN lists, each hashed once: the sessions with their first or last event inside, and those spanning
        // the range with an event inside (probed one by one: a scalar subquery is not turned into a hash of the range's
        // events). Written as one IN over a UNION, the planner guessed 200 sessions and probed session_data 90 k times.
        String from = " FROM session_activity_span p WHERE p.website_id = ? AND ";
        return new SqlText().add("(" + column + " IN (SELECT p.session_id" + from + "p.last_at >= ? AND p.first_at <= ? "
                        + "AND (p.last_at <= ? OR p.first_at >= ?))", w, s, e, e, s)
                .add(" OR " + column + " IN (SELECT p.session_id" + from + "p.last_at > ? AND p.first_at < ? AND (SELECT 1 FROM event x "
                        + "WHERE x.website_id = p.website_id AND x.session_id = p.session_id AND x.created_at BETWEEN ? AND ? AND x."
                        + ActivityRows.ACTIVITY + " LIMIT 1) IS NOT NULL))", w, e, s, s, e);
    }
}
