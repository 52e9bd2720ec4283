package io.footfall.accelerate.postgres;

import io.footfall.event.Event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The writer of a per-session span table that keeps, besides the session's first and last event time, some text columns
 * while every event of the session agrees on them, else NULLs and {@code mixed} ({@code session_view_span} V13,
 * {@code session_activity_span} V24). A batch's sessions are gathered here, then one upsert widens a row already there
 * and marks it mixed when the batch's values differ from the row's.
 */
final class AgreeingSpanRows {
    private final List<String> columns;
    private final Function<Event, String[]> values;
    private final String upsert;
    /** {@code INSERT INTO table (...) SELECT website_id, session_id, <aggregates>}: a fill from events grouped by session. */
    final String fill;

    /**
     * @param columns the kept columns, in the order {@code values} gives them
     * @param values  an event's values of those columns
     */
    AgreeingSpanRows(String table, List<String> columns, Function<Event, String[]> values) {
        this.columns = columns;
        this.values = values;
        String list = String.join(", ", columns);
        // count(DISTINCT (...)) treats NULL fields as equal: 1 when every event has the same values.
        String distinct = "count(DISTINCT (" + list + "))";
        StringBuilder aggregates = new StringBuilder("min(created_at), max(created_at)");
        for (String column : columns) aggregates.append(", CASE WHEN ").append(distinct).append(" = 1 THEN min(").append(column).append(") END");
        aggregates.append(", ").append(distinct).append(" > 1");
        String insert = "INSERT INTO " + table + " (website_id, session_id, first_at, last_at, " + list + ", mixed) ";
        fill = insert + "SELECT website_id, session_id, " + aggregates;
        String t = table + ".";
        String mixed = "(" + t + "mixed OR excluded.mixed OR (" + t + list.replace(", ", ", " + t) + ") IS DISTINCT FROM (excluded."
                + list.replace(", ", ", excluded.") + "))";
        StringBuilder sql = new StringBuilder(insert + "SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::timestamp[], ?::timestamp[]"
                + ", ?::text[]".repeat(columns.size()) + ", ?::bool[]) ON CONFLICT (website_id, session_id) DO UPDATE SET "
                + "first_at = least(" + t + "first_at, excluded.first_at), last_at = greatest(" + t + "last_at, excluded.last_at), "
                + "mixed = " + mixed);
        for (String column : columns) sql.append(", ").append(column).append(" = CASE WHEN ").append(mixed)
                .append(" THEN NULL ELSE ").append(t).append(column).append(" END");
        upsert = sql.toString();
    }

    /** A session's events in the batch: their first and last time, and their values while they agree. */
    static final class Session {
        long first, last;
        String[] values;
        boolean mixed;

        Session(long micros, String[] values) {
            first = last = micros;
            this.values = values;
        }
    }

    /** Widens {@code key}'s session with event {@code e} at {@code micros}, and marks it mixed when the event's values differ. */
    void add(Map<SpanRows.Key, Session> sessions, SpanRows.Key key, long micros, Event e) {
        String[] v = stored(values.apply(e));
        Session s = sessions.get(key);
        if (s == null) {
            sessions.put(key, new Session(micros, v));
            return;
        }
        s.first = Math.min(s.first, micros);
        s.last = Math.max(s.last, micros);
        if (!s.mixed && !Arrays.equals(s.values, v)) {
            s.mixed = true;
            s.values = null;
        }
    }

    void write(Connection c, Map<SpanRows.Key, Session> sessions) throws SQLException {
        if (sessions.isEmpty()) return;
        int width = columns.size();
        List<Object> websites = new ArrayList<>(), ids = new ArrayList<>(), firsts = new ArrayList<>(), lasts = new ArrayList<>(),
                mixed = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < width; i++) values.add(new ArrayList<>());
        sessions.forEach((k, s) -> {
            websites.add(k.website());
            ids.add(k.id());
            firsts.add(SpanRows.timestamp(s.first));
            lasts.add(SpanRows.timestamp(s.last));
            for (int i = 0; i < width; i++) values.get(i).add(s.values == null ? null : s.values[i]);
            mixed.add(s.mixed);
        });
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            List<Object> pairs = new ArrayList<>(List.of(websites, "uuid", ids, "uuid", firsts, "text", lasts, "text"));
            for (List<Object> column : values) {
                pairs.add(column);
                pairs.add("text");
            }
            pairs.add(mixed);
            pairs.add("bool");
            SpanRows.bind(c, ps, pairs.toArray());
            ps.executeUpdate();
        }
    }

    /** The values as the event row stores them: the binary COPY drops NUL characters (BinaryCopyRows.text). */
    private static String[] stored(String[] v) {
        for (int i = 0; i < v.length; i++) if (v[i] != null && v[i].indexOf(0) >= 0) v[i] = v[i].replace("\0", "");
        return v;
    }
}
