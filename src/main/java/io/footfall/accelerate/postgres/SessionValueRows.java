package io.footfall.accelerate.postgres;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The writer of {@code session_value} and {@code session_value_extra} (V21): per session and {@link ValueKind kind}, each
 * value its views carry with the first and last time of those views. A session's first value of a kind lives in its
 * {@code session_value} row (one row per session, so a batch writes one row per session, however many kinds and views);
 * only a second, third… value of the same kind in the same session takes a {@code session_value_extra} row. The batch is
 * grouped per (session, kind, value) here; the row upsert returns the values it holds, and the batch's other values go to
 * the extra rows (an extra row already there is only rewritten when its first or last time moves).
 */
final class SessionValueRows {
    static final List<String> TABLES = List.of("session_value", "session_value_extra");
    private static final String UPSERT;
    private static final String EXTRA_UPSERT = "INSERT INTO session_value_extra (website_id, session_id, kind, value, first_at, last_at) "
            + "SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int2[], ?::text[], ?::timestamp[], ?::timestamp[]) "
            + "ON CONFLICT (website_id, session_id, kind, value) DO UPDATE SET first_at = least(session_value_extra.first_at, excluded.first_at), "
            + "last_at = greatest(session_value_extra.last_at, excluded.last_at) "
            + "WHERE excluded.first_at < session_value_extra.first_at OR excluded.last_at > session_value_extra.last_at";

    static {
        StringBuilder columns = new StringBuilder(), set = new StringBuilder(), returned = new StringBuilder();
        String t = "session_value.";
        for (ValueKind k : ValueKind.ALL) {
            String v = k.column();
            columns.append(", ").append(v).append(", ").append(v).append("_first, ").append(v).append("_last");
            returned.append(", ").append(v);
            // The row keeps its value; the batch's widens its times when it is the same value.
            set.append(", ").append(v).append(" = coalesce(").append(t).append(v).append(", excluded.").append(v).append(")");
            for (String[] end : new String[][]{{"_first", "least"}, {"_last", "greatest"}}) {
                String c = v + end[0];
                set.append(", ").append(c).append(" = CASE WHEN ").append(t).append(v).append(" IS NULL THEN excluded.").append(c)
                        .append(" WHEN ").append(t).append(v).append(" = excluded.").append(v).append(" THEN ").append(end[1]).append("(")
                        .append(t).append(c).append(", excluded.").append(c).append(") ELSE ").append(t).append(c).append(" END");
            }
        }
        UPSERT = "INSERT INTO session_value (website_id, session_id, first_at, last_at" + columns + ") SELECT * FROM unnest(?::uuid[], "
                + "?::uuid[], ?::timestamp[], ?::timestamp[]" + ", ?::text[], ?::timestamp[], ?::timestamp[]".repeat(ValueKind.ALL.size())
                + ") ON CONFLICT (website_id, session_id) DO UPDATE SET first_at = least(" + t + "first_at, excluded.first_at), "
                + "last_at = greatest(" + t + "last_at, excluded.last_at)" + set + " RETURNING website_id, session_id" + returned;
    }

    private SessionValueRows() {
    }

    /** A session's views in the batch: per kind, its values in the order seen, each with its first and last time. */
    private static final class Session {
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        final List<Map<String, long[]>> values = new ArrayList<>();

        Session() {
            for (int i = 0; i < ValueKind.ALL.size(); i++) values.add(new LinkedHashMap<>());
        }

        void add(int kind, String value, long micros) {
            first = Math.min(first, micros);
            last = Math.max(last, micros);
            long[] span = values.get(kind).computeIfAbsent(value, v -> new long[]{micros, micros});
            span[0] = Math.min(span[0], micros);
            span[1] = Math.max(span[1], micros);
        }

        /** The kind's value the row upsert offers (the first seen), or null. */
        String offered(int kind) {
            Map<String, long[]> m = values.get(kind);
            return m.isEmpty() ? null : m.keySet().iterator().next();
        }
    }

    /** Adds a batch's views (called inside the batch's transaction, after its events are written). */
    static void add(Connection c, List<CollectedHit> hits) throws SQLException {
        List<Event> views = new ArrayList<>();
        for (CollectedHit hit : hits) {
            if (hit.ordinaryEvent() && SpanRows.isView(hit.event().eventType())) views.add(hit.event());
        }
        if (views.isEmpty()) return;
        Map<List<String>, String> channels = Channel.of(c, views);
        Map<SpanRows.Key, Session> sessions = new LinkedHashMap<>();
        for (Event e : views) {
            long micros = SpanRows.micros(e.createdAt());
            for (int k = 0; k < ValueKind.ALL.size(); k++) {
                String v = ValueKind.ALL.get(k).of(e, channels);
                if (v != null) sessions.computeIfAbsent(new SpanRows.Key(e.websiteId(), e.sessionId()), x -> new Session()).add(k, v, micros);
            }
        }
        if (sessions.isEmpty()) return;
        Map<SpanRows.Key, String[]> held = upsertRows(c, sessions);
        Extras extras = new Extras();
        List<List<Object[]>> widen = new ArrayList<>();
        for (int k = 0; k < ValueKind.ALL.size(); k++) widen.add(new ArrayList<>());
        sessions.forEach((key, s) -> {
            String[] row = held.get(key);
            for (int k = 0; k < ValueKind.ALL.size(); k++) {
                String offered = s.offered(k);
                for (Map.Entry<String, long[]> v : s.values.get(k).entrySet()) {
                    if (!v.getKey().equals(row[k])) extras.add(key, k, v.getKey(), v.getValue());
                    else if (!v.getKey().equals(offered)) widen.get(k).add(new Object[]{key, v.getValue()});
                }
            }
        });
        widenRows(c, widen);
        extras.write(c);
    }

    /** The row upsert; returns each session's values as the row holds them after it, per kind. */
    private static Map<SpanRows.Key, String[]> upsertRows(Connection c, Map<SpanRows.Key, Session> sessions) throws SQLException {
        int kinds = ValueKind.ALL.size();
        List<Object> websites = new ArrayList<>(), ids = new ArrayList<>(), firsts = new ArrayList<>(), lasts = new ArrayList<>();
        List<List<Object>> columns = new ArrayList<>();
        for (int i = 0; i < 3 * kinds; i++) columns.add(new ArrayList<>());
        sessions.forEach((key, s) -> {
            websites.add(key.website());
            ids.add(key.id());
            firsts.add(SpanRows.timestamp(s.first));
            lasts.add(SpanRows.timestamp(s.last));
            for (int k = 0; k < kinds; k++) {
                String v = s.offered(k);
                long[] span = v == null ? null : s.values.get(k).get(v);
                columns.get(3 * k).add(v);
                columns.get(3 * k + 1).add(span == null ? null : SpanRows.timestamp(span[0]));
                columns.get(3 * k + 2).add(span == null ? null : SpanRows.timestamp(span[1]));
            }
        });
        Map<SpanRows.Key, String[]> held = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            Object[] pairs = new Object[8 + 6 * kinds];
            Object[] head = {websites, "uuid", ids, "uuid", firsts, "text", lasts, "text"};
            System.arraycopy(head, 0, pairs, 0, head.length);
            for (int i = 0; i < 3 * kinds; i++) {
                pairs[8 + 2 * i] = columns.get(i);
                pairs[9 + 2 * i] = "text";
            }
            SpanRows.bind(c, ps, pairs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[kinds];
                    for (int k = 0; k < kinds; k++) row[k] = rs.getString(3 + k);
                    held.put(new SpanRows.Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), row);
                }
            }
        }
        return held;
    }

    /** A value of the batch that the row already held but the upsert did not offer (the batch's first was another): rare. */
    private static void widenRows(Connection c, List<List<Object[]>> widen) throws SQLException {
        for (int k = 0; k < widen.size(); k++) {
            if (widen.get(k).isEmpty()) continue;
            String v = ValueKind.ALL.get(k).column();
            List<Object> websites = new ArrayList<>(), ids = new ArrayList<>(), firsts = new ArrayList<>(), lasts = new ArrayList<>();
            for (Object[] w : widen.get(k)) {
                SpanRows.Key key = (SpanRows.Key) w[0];
                long[] span = (long[]) w[1];
                websites.add(key.website());
                ids.add(key.id());
                firsts.add(SpanRows.timestamp(span[0]));
                lasts.add(SpanRows.timestamp(span[1]));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE session_value r SET " + v + "_first = least(r." + v + "_first, k.f), "
                    + v + "_last = greatest(r." + v + "_last, k.l) FROM unnest(?::uuid[], ?::uuid[], ?::timestamp[], ?::timestamp[]) AS k(w, s, f, l) "
                    + "WHERE r.website_id = k.w AND r.session_id = k.s")) {
                SpanRows.bind(c, ps, websites, "uuid", ids, "uuid", firsts, "text", lasts, "text");
                ps.executeUpdate();
            }
        }
    }

    /** The batch's values that are not the row's: one upsert. */
    private static final class Extras {
        final List<Object> websites = new ArrayList<>(), ids = new ArrayList<>(), kinds = new ArrayList<>(), values = new ArrayList<>(),
                firsts = new ArrayList<>(), lasts = new ArrayList<>();

        void add(SpanRows.Key key, int kind, String value, long[] span) {
            websites.add(key.website());
            ids.add(key.id());
            kinds.add(ValueKind.ALL.get(kind).code());
            values.add(value);
            firsts.add(SpanRows.timestamp(span[0]));
            lasts.add(SpanRows.timestamp(span[1]));
        }

        void write(Connection c) throws SQLException {
            if (websites.isEmpty()) return;
            try (PreparedStatement ps = c.prepareStatement(EXTRA_UPSERT)) {
                SpanRows.bind(c, ps, websites, "uuid", ids, "uuid", kinds, "int2", values, "text", firsts, "text", lasts, "text");
                ps.executeUpdate();
            }
        }
    }

    /**
     * Before the events with these ids are deleted (a crash re-ship): the rows of their sessions computed again from
     * those sessions' other events.
     */
    static void withoutEvents(Connection c, Array eventIds) throws SQLException {
        Set<SpanRows.Key> sessions = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT website_id, session_id FROM event "
                + "WHERE event_id = ANY (?) AND event_type IN (1, 3, 4)")) {
            ps.setArray(1, eventIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sessions.add(new SpanRows.Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
            }
        }
        if (sessions.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_value_extra r USING unnest(?::uuid[], ?::uuid[]) AS k(w, id) "
                + "WHERE r.website_id = k.w AND r.session_id = k.id")) {
            ps.setArray(1, c.createArrayOf("uuid", sessions.stream().map(SpanRows.Key::website).toArray()));
            ps.setArray(2, c.createArrayOf("uuid", sessions.stream().map(SpanRows.Key::id).toArray()));
            ps.executeUpdate();
        }
        SpanRows.recompute(c, "session_value", "session_id", sessions, eventIds, fill(
                " FROM unnest(?::uuid[], ?::uuid[]) AS s(w, id) JOIN event e ON e.website_id = s.w AND e.session_id = s.id",
                " AND e.event_id <> ALL (?)"));
    }

    /** Everything again from the event table (after a bulk load that bypassed this writer). */
    static void rebuildAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + String.join(", ", TABLES));
            st.execute(fill(" FROM event e", ""));
        }
    }

    /**
     * One statement writing both tables from the event rows {@code from} gives (alias e), narrowed by {@code where}: per
     * session and kind, the value with the earliest first view (then the smallest) in the row, the others as extra rows.
     * V21's fill is this statement over every event.
     */
    static String fill(String from, String where) {
        StringBuilder kinds = new StringBuilder(), columns = new StringBuilder(), pivot = new StringBuilder();
        for (ValueKind k : ValueKind.ALL) {
            kinds.append(kinds.isEmpty() ? "" : ", ").append("(").append(k.code()).append("::int2, ").append(k.sql()).append(")");
            String v = k.column();
            columns.append(", ").append(v).append(", ").append(v).append("_first, ").append(v).append("_last");
            String only = " FILTER (WHERE r.slot AND r.kind = " + k.code() + ")";
            pivot.append(", max(r.value)").append(only).append(", max(r.first_at)").append(only).append(", max(r.last_at)").append(only);
        }
        return "WITH p AS (SELECT e.website_id, e.session_id, k.kind, k.value, min(e.created_at) AS first_at, max(e.created_at) AS last_at"
                + from + " CROSS JOIN LATERAL (VALUES " + kinds + ") AS k(kind, value) WHERE e.event_type IN (1, 3, 4) AND k.value <> ''"
                + where + " GROUP BY 1, 2, 3, 4), "
                + "r AS (SELECT p.*, row_number() OVER (PARTITION BY p.website_id, p.session_id, p.kind ORDER BY p.first_at, p.value) = 1 AS slot FROM p), "
                + "x AS (INSERT INTO session_value_extra (website_id, session_id, kind, value, first_at, last_at) "
                + "SELECT r.website_id, r.session_id, r.kind, r.value, r.first_at, r.last_at FROM r WHERE NOT r.slot) "
                + "INSERT INTO session_value (website_id, session_id, first_at, last_at" + columns + ") "
                + "SELECT r.website_id, r.session_id, min(r.first_at), max(r.last_at)" + pivot + " FROM r GROUP BY r.website_id, r.session_id";
    }
}
