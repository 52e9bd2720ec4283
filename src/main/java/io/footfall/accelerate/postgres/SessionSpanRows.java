package io.footfall.accelerate.postgres;

import io.footfall.event.Event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The writer of {@code session_activity_span} (V16, V24): per session, over every event but web vitals, the first and last
 * event time and what the sessions list groups and searches by (hostname, distinct id, city, browser, OS, device) while
 * its events agree, else NULLs and {@code mixed}. A batch's sessions are gathered here, then one upsert widens a row
 * already there and marks it mixed when the batch's values differ from the row's ({@code session_view_span} has its own
 * writer, {@link SessionViewRows}).
 */
final class SessionSpanRows {
    /** The list columns, in the order {@link #values} gives them. */
    static final String LIST_COLUMNS = "hostname, distinct_id, city, browser, os, device";
    /** A session's columns from its events (alias-free): the migration's fill computes the same. */
    static final String AGGREGATES;

    static {
        // count(DISTINCT (...)) treats NULL fields as equal: 1 when every event has the same values.
        String distinct = "count(DISTINCT (" + LIST_COLUMNS + "))";
        StringBuilder s = new StringBuilder("min(created_at), max(created_at)");
        for (String column : LIST_COLUMNS.split(", ")) s.append(", CASE WHEN ").append(distinct).append(" = 1 THEN min(").append(column).append(") END");
        AGGREGATES = s.append(", ").append(distinct).append(" > 1").toString();
    }

    private static final String UPSERT;

    static {
        String t = "session_activity_span.";
        String mixed = "(" + t + "mixed OR excluded.mixed OR (" + t + LIST_COLUMNS.replace(", ", ", " + t) + ") IS DISTINCT FROM (excluded."
                + LIST_COLUMNS.replace(", ", ", excluded.") + "))";
        StringBuilder sql = new StringBuilder("INSERT INTO session_activity_span (website_id, session_id, first_at, last_at, " + LIST_COLUMNS
                + ", mixed) SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::timestamp[], ?::timestamp[]" + ", ?::text[]".repeat(6)
                + ", ?::bool[]) ON CONFLICT (website_id, session_id) DO UPDATE SET "
                + "first_at = least(" + t + "first_at, excluded.first_at), last_at = greatest(" + t + "last_at, excluded.last_at), "
                + "mixed = " + mixed);
        for (String column : LIST_COLUMNS.split(", ")) sql.append(", ").append(column).append(" = CASE WHEN ").append(mixed)
                .append(" THEN NULL ELSE ").append(t).append(column).append(" END");
        UPSERT = sql.toString();
    }

    private SessionSpanRows() {
    }

    /** A session's events in the batch: their first and last time, and their list values while they agree. */
    static final class Session {
        long first, last;
        String[] values;
        boolean mixed;

        Session(long micros, String[] values) {
            first = last = micros;
            this.values = values;
        }
    }

    /** The list values of an event as its row stores them (the binary COPY drops NUL characters, BinaryCopyRows.text). */
    static String[] values(Event e) {
        Event.SessionAttributes a = e.session();
        String[] v = {e.page().hostname(), a.distinctId(), a.city(), a.browser(), a.os(), a.device()};
        for (int i = 0; i < v.length; i++) if (v[i] != null && v[i].indexOf(0) >= 0) v[i] = v[i].replace("\0", "");
        return v;
    }

    /** Widens {@code key}'s session with an event at {@code micros}, and marks it mixed when the event's values differ. */
    static void add(Map<SpanRows.Key, Session> sessions, SpanRows.Key key, long micros, String[] values) {
        Session s = sessions.get(key);
        if (s == null) {
            sessions.put(key, new Session(micros, values));
            return;
        }
        s.first = Math.min(s.first, micros);
        s.last = Math.max(s.last, micros);
        if (!s.mixed && !Arrays.equals(s.values, values)) {
            s.mixed = true;
            s.values = null;
        }
    }

    static void write(Connection c, Map<SpanRows.Key, Session> sessions) throws SQLException {
        if (sessions.isEmpty()) return;
        List<Object> websites = new ArrayList<>(), ids = new ArrayList<>(), firsts = new ArrayList<>(), lasts = new ArrayList<>(),
                mixed = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < 6; i++) values.add(new ArrayList<>());
        sessions.forEach((k, s) -> {
            websites.add(k.website());
            ids.add(k.id());
            firsts.add(SpanRows.timestamp(s.first));
            lasts.add(SpanRows.timestamp(s.last));
            for (int i = 0; i < 6; i++) values.get(i).add(s.values == null ? null : s.values[i]);
            mixed.add(s.mixed);
        });
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            Object[] pairs = new Object[22];
            Object[] head = {websites, "uuid", ids, "uuid", firsts, "text", lasts, "text"};
            System.arraycopy(head, 0, pairs, 0, head.length);
            for (int i = 0; i < 6; i++) {
                pairs[8 + 2 * i] = values.get(i);
                pairs[9 + 2 * i] = "text";
            }
            pairs[20] = mixed;
            pairs[21] = "bool";
            SpanRows.bind(c, ps, pairs);
            ps.executeUpdate();
        }
    }
}
