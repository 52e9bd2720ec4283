package io.footfall.accelerate.postgres;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.event.EventType;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer of {@code session_value_span} (V13): per website, metric kind ({@link ValueKinds}), value (with its
 * country for region and city) and session — the first time of the session's events counted under that value, the
 * UTC hour of the last, and for {@code type=event} their count. The last time is kept to the hour so that the many
 * hits falling in a row's current hour leave it unchanged: a row is rewritten only when it starts, moves to a new hour,
 * or counts events. Rows are computed in SQL from the event rows themselves (the batch's, just copied in the same
 * transaction), with the reference's own expressions, so the stored channel and every value read exactly as the
 * reference reads them.
 */
public final class ValueRows {
    /** The website's rows, which a reset or delete removes with its events. */
    public static final List<String> TABLES = List.of("session_value_span");

    private static final String COLUMNS = "(website_id, kind, value, country, session_id, first_at, last_hour, events)";
    private static final String CONFLICT = " ON CONFLICT (website_id, kind, value, coalesce(country, ''), (country IS NULL), session_id) "
            + "DO UPDATE SET first_at = least(session_value_span.first_at, excluded.first_at), "
            + "last_hour = greatest(session_value_span.last_hour, excluded.last_hour), events = session_value_span.events + excluded.events "
            // Most hits fall inside their row's span and hour: the row is left alone (no new version, no index entries).
            + "WHERE excluded.first_at < session_value_span.first_at OR excluded.last_hour > session_value_span.last_hour OR excluded.events > 0";
    /** The batch's events, found again by website, session and time (event_by_session), then by id. */
    private static final String ADD = "INSERT INTO session_value_span " + COLUMNS + " " + ValueKinds.rowsOf(
            "FROM unnest(?::uuid[], ?::uuid[], ?::timestamp[], ?::uuid[]) AS b(w, s, t, id) "
                    + "JOIN event e ON e.website_id = b.w AND e.session_id = b.s AND e.created_at = b.t", "e.event_id = b.id") + CONFLICT;
    /** The rows of the events re-shipped: rows of the same keys are computed again without them. */
    private static final String KEY_MATCH = "r.website_id = k.website_id AND r.kind = k.kind AND r.value = k.value "
            + "AND r.country IS NOT DISTINCT FROM k.country AND r.session_id = k.session_id";

    private ValueRows() {
    }

    /** Adds a batch's views and custom events (the only events a kind counts), widening and adding to rows already there. */
    public static void add(Connection c, List<CollectedHit> hits) throws SQLException {
        List<Object> websites = new ArrayList<>(), sessions = new ArrayList<>(), times = new ArrayList<>(), ids = new ArrayList<>();
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (!hit.ordinaryEvent() || !(SpanRows.isView(e.eventType()) || e.eventType() == EventType.CUSTOM_EVENT)) continue;
            websites.add(e.websiteId());
            sessions.add(e.sessionId());
            times.add(timestamp(e.createdAt()));
            ids.add(e.eventId());
        }
        if (ids.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(ADD)) {
            ps.setArray(1, c.createArrayOf("uuid", websites.toArray()));
            ps.setArray(2, c.createArrayOf("uuid", sessions.toArray()));
            ps.setArray(3, c.createArrayOf("text", times.toArray()));
            ps.setArray(4, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /**
     * Before the events with these ids are deleted (a crash re-ship deletes them, then appends them again): the rows
     * they count in are computed again from their sessions' other events.
     */
    public static void withoutEvents(Connection c, Array eventIds) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS reshipped_value");
        }
        try (PreparedStatement ps = c.prepareStatement("CREATE TEMPORARY TABLE reshipped_value AS SELECT website_id, kind, value, country, session_id FROM ("
                + ValueKinds.rowsOf("FROM event e", "e.event_id = ANY (?)") + ") r")) {
            ps.setArray(1, eventIds);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_value_span r USING reshipped_value k WHERE " + KEY_MATCH)) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_value_span " + COLUMNS + " SELECT r.* FROM ("
                + ValueKinds.rowsOf("FROM (SELECT DISTINCT website_id, session_id FROM reshipped_value) s "
                + "JOIN event e ON e.website_id = s.website_id AND e.session_id = s.session_id", "e.event_id <> ALL (?)")
                + ") r WHERE EXISTS (SELECT 1 FROM reshipped_value k WHERE " + KEY_MATCH + ")")) {
            ps.setArray(1, eventIds);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE reshipped_value");
        }
    }

    /** Everything again from the event table: after a bulk load that wrote events without this writer (the query bench's copy). */
    public static void rebuildAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE session_value_span");
            st.execute(fillAll());
        }
    }

    /** The SQL that fills the rows from every stored event (V13 holds the same statement, rendered). */
    static String fillAll() {
        return "INSERT INTO session_value_span " + COLUMNS + " " + rowsOfEvents("true");
    }

    /** The rows as the events meeting {@code where} (over alias {@code e}) make them: what the table must hold (tests compare). */
    public static String rowsOfEvents(String where) {
        return ValueKinds.rowsOf("FROM event e", where);
    }

    /** As the binary COPY writes {@code created_at}: microseconds, as text PostgreSQL reads exactly. */
    private static String timestamp(Instant t) {
        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1_000, ZoneOffset.UTC)
                .toString().replace('T', ' ');
    }
}
