package io.footfall.accelerate.postgres;

import io.footfall.event.Event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The writer of {@code session_view_span} (V11, V13): per session with views its first and last view time and the session
 * attributes its views carry, all NULL with {@code mixed} when they disagree. A batch's sessions are gathered here, then
 * one upsert widens a row already there and marks it mixed when the batch's attributes differ from the row's.
 */
final class SessionViewRows {
    /** The attribute columns, in the order of {@link Event.SessionAttributes}. */
    static final String ATTRIBUTES = "browser, os, device, screen, language, country, region, city, distinct_id";
    /** A session's columns from its views (alias-free, over the event columns): the migration's fill computes the same. */
    static final String AGGREGATES;

    static {
        // count(DISTINCT (...)) treats NULL fields as equal: 1 when every view has the same attributes.
        String distinct = "count(DISTINCT (" + ATTRIBUTES + "))";
        StringBuilder s = new StringBuilder("min(created_at), max(created_at)");
        for (String column : ATTRIBUTES.split(", ")) s.append(", CASE WHEN ").append(distinct).append(" = 1 THEN min(").append(column).append(") END");
        AGGREGATES = s.append(", ").append(distinct).append(" > 1").toString();
    }

    private static final String UPSERT;

    static {
        String t = "session_view_span.";
        String mixed = "(" + t + "mixed OR excluded.mixed OR (" + t + ATTRIBUTES.replace(", ", ", " + t) + ") IS DISTINCT FROM (excluded."
                + ATTRIBUTES.replace(", ", ", excluded.") + "))";
        StringBuilder sql = new StringBuilder("INSERT INTO session_view_span (website_id, session_id, first_at, last_at, " + ATTRIBUTES
                + ", mixed) SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::timestamp[], ?::timestamp[]"
                + ", ?::text[]".repeat(9) + ", ?::bool[]) ON CONFLICT (website_id, session_id) DO UPDATE SET "
                + "first_at = least(" + t + "first_at, excluded.first_at), last_at = greatest(" + t + "last_at, excluded.last_at), "
                + "mixed = " + mixed);
        for (String column : ATTRIBUTES.split(", ")) sql.append(", ").append(column).append(" = CASE WHEN ").append(mixed)
                .append(" THEN NULL ELSE ").append(t).append(column).append(" END");
        UPSERT = sql.toString();
    }

    private SessionViewRows() {
    }

    /** A session's views in the batch: their first and last time, and their attributes while they agree. */
    static final class Session {
        long first, last;
        Event.SessionAttributes attributes;
        boolean mixed;

        Session(long micros, Event.SessionAttributes attributes) {
            first = last = micros;
            this.attributes = attributes;
        }
    }

    static void add(Map<SpanRows.Key, Session> sessions, SpanRows.Key key, long micros, Event.SessionAttributes attributes) {
        Session s = sessions.get(key);
        if (s == null) {
            sessions.put(key, new Session(micros, stored(attributes)));
            return;
        }
        s.first = Math.min(s.first, micros);
        s.last = Math.max(s.last, micros);
        if (!s.mixed && !s.attributes.equals(stored(attributes))) {
            s.mixed = true;
            s.attributes = null;
        }
    }

    static void write(Connection c, Map<SpanRows.Key, Session> sessions) throws SQLException {
        if (sessions.isEmpty()) return;
        List<Object> websites = new ArrayList<>(), ids = new ArrayList<>(), firsts = new ArrayList<>(), lasts = new ArrayList<>(),
                mixed = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < 9; i++) values.add(new ArrayList<>());
        sessions.forEach((k, s) -> {
            websites.add(k.website());
            ids.add(k.id());
            firsts.add(SpanRows.timestamp(s.first));
            lasts.add(SpanRows.timestamp(s.last));
            Event.SessionAttributes a = s.attributes;
            String[] row = a == null ? new String[9] : new String[]{a.browser(), a.os(), a.device(), a.screen(), a.language(),
                    a.country(), a.region(), a.city(), a.distinctId()};
            for (int i = 0; i < 9; i++) values.get(i).add(row[i]);
            mixed.add(s.mixed);
        });
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            Object[] pairs = new Object[28];
            Object[] head = {websites, "uuid", ids, "uuid", firsts, "text", lasts, "text"};
            System.arraycopy(head, 0, pairs, 0, head.length);
            for (int i = 0; i < 9; i++) {
                pairs[8 + 2 * i] = values.get(i);
                pairs[9 + 2 * i] = "text";
            }
            pairs[26] = mixed;
            pairs[27] = "bool";
            SpanRows.bind(c, ps, pairs);
            ps.executeUpdate();
        }
    }

    /** The attributes as the event row stores them: the binary COPY drops NUL characters (BinaryCopyRows.text). */
    static Event.SessionAttributes stored(Event.SessionAttributes a) {
        if (!hasNul(a.browser()) && !hasNul(a.os()) && !hasNul(a.device()) && !hasNul(a.screen()) && !hasNul(a.language())
                && !hasNul(a.country()) && !hasNul(a.region()) && !hasNul(a.city()) && !hasNul(a.distinctId())) return a;
        return new Event.SessionAttributes(clean(a.browser()), clean(a.os()), clean(a.device()), clean(a.screen()), clean(a.language()),
                clean(a.country()), clean(a.region()), clean(a.city()), clean(a.distinctId()));
    }

    private static boolean hasNul(String s) {
        return s != null && s.indexOf(0) >= 0;
    }

    private static String clean(String s) {
        return s == null ? null : s.replace("\0", "");
    }
}
