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
 * The writer of {@code visit_value} (V27): per visit and {@link #KINDS kind} (path, utm*), each value its views carry with
 * the first and last time of those views and their number. The batch is grouped per (visit, kind, value) here and upserted
 * in one statement that widens the times and adds the views, so a late hit lands in its row.
 */
final class VisitValueRows {
    static final List<String> TABLES = List.of("visit_value");

    /** The kinds kept per visit: those whose expanded metrics the bench (and the dashboard) asks for, each few rows but path. */
    static final List<ValueKind> KINDS = ValueKind.ALL.stream()
            .filter(k -> k.column().equals("path") || k.column().startsWith("utm_")).toList();

    private static final String UPSERT = "INSERT INTO visit_value (website_id, visit_id, kind, value, session_id, first_at, last_at, views) "
            + "SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int2[], ?::text[], ?::uuid[], ?::timestamp[], ?::timestamp[], ?::int4[]) "
            + "ON CONFLICT (website_id, visit_id, kind, value) DO UPDATE SET first_at = least(visit_value.first_at, excluded.first_at), "
            + "last_at = greatest(visit_value.last_at, excluded.last_at), views = visit_value.views + excluded.views";

    private VisitValueRows() {
    }

    private record Row(UUID website, UUID visit, short kind, String value) {
    }

    /** Adds a batch's views (inside the batch's transaction, after its events are written). */
    static void add(Connection c, List<CollectedHit> hits) throws SQLException {
        Map<Row, long[]> rows = new LinkedHashMap<>();
        Map<Row, UUID> sessions = new LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (!hit.ordinaryEvent() || !SpanRows.isView(e.eventType())) continue;
            long micros = SpanRows.micros(e.createdAt());
            for (ValueKind k : KINDS) {
                String v = k.of(e, Map.of());
                if (v == null) continue;
                Row key = new Row(e.websiteId(), e.visitId(), k.code(), v);
                long[] span = rows.computeIfAbsent(key, x -> new long[]{micros, micros, 0});
                span[0] = Math.min(span[0], micros);
                span[1] = Math.max(span[1], micros);
                span[2]++;
                sessions.putIfAbsent(key, e.sessionId());
            }
        }
        if (rows.isEmpty()) return;
        List<Object> websites = new ArrayList<>(), visits = new ArrayList<>(), kinds = new ArrayList<>(), values = new ArrayList<>(),
                owners = new ArrayList<>(), firsts = new ArrayList<>(), lasts = new ArrayList<>(), views = new ArrayList<>();
        rows.forEach((k, span) -> {
            websites.add(k.website());
            visits.add(k.visit());
            kinds.add(k.kind());
            values.add(k.value());
            owners.add(sessions.get(k));
            firsts.add(SpanRows.timestamp(span[0]));
            lasts.add(SpanRows.timestamp(span[1]));
            views.add((int) span[2]);
        });
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            SpanRows.bind(c, ps, websites, "uuid", visits, "uuid", kinds, "int2", values, "text", owners, "uuid", firsts, "text",
                    lasts, "text", views, "int4");
            ps.executeUpdate();
        }
    }

    /** Before the events with these ids are deleted (a crash re-ship): the rows of their visits computed again from the visits' other events. */
    static void withoutEvents(Connection c, Array eventIds) throws SQLException {
        Set<List<UUID>> visits = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT website_id, session_id, visit_id FROM event "
                + "WHERE event_id = ANY (?) AND event_type IN (1, 3, 4)")) {
            ps.setArray(1, eventIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) visits.add(List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)));
            }
        }
        if (visits.isEmpty()) return;
        Array websites = c.createArrayOf("uuid", visits.stream().map(v -> v.get(0)).toArray());
        Array owners = c.createArrayOf("uuid", visits.stream().map(v -> v.get(1)).toArray());
        Array ids = c.createArrayOf("uuid", visits.stream().map(v -> v.get(2)).toArray());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM visit_value r USING unnest(?::uuid[], ?::uuid[]) AS k(w, id) "
                + "WHERE r.website_id = k.w AND r.visit_id = k.id")) {
            ps.setArray(1, websites);
            ps.setArray(2, ids);
            ps.executeUpdate();
        }
        // Through event_by_session: the visit's session, then its events of that visit.
        try (PreparedStatement ps = c.prepareStatement(fill(" FROM unnest(?::uuid[], ?::uuid[], ?::uuid[]) AS u(w, s, id) "
                + "JOIN event e ON e.website_id = u.w AND e.session_id = u.s AND e.visit_id = u.id", " AND e.event_id <> ALL (?)"))) {
            ps.setArray(1, websites);
            ps.setArray(2, owners);
            ps.setArray(3, ids);
            ps.setArray(4, eventIds);
            ps.executeUpdate();
        }
    }

    /** Everything again from the event table (after a bulk load that bypassed this writer). */
    static void rebuildAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + String.join(", ", TABLES));
            st.execute(fill(" FROM event e", ""));
        }
    }

    /** The rows of the views {@code from} gives (alias e), narrowed by {@code where}; V27's fill is this over every event. */
    static String fill(String from, String where) {
        StringBuilder kinds = new StringBuilder();
        for (ValueKind k : KINDS) kinds.append(kinds.isEmpty() ? "" : ", ").append("(").append(k.code()).append("::int2, ").append(k.sql()).append(")");
        return "INSERT INTO visit_value (website_id, visit_id, kind, value, session_id, first_at, last_at, views) "
                + "SELECT e.website_id, e.visit_id, k.kind, k.value, (array_agg(e.session_id))[1], min(e.created_at), max(e.created_at), count(*)"
                + from + " CROSS JOIN LATERAL (VALUES " + kinds + ") AS k(kind, value) WHERE e.event_type IN (1, 3, 4) AND k.value <> ''"
                + where + " GROUP BY 1, 2, 3, 4";
    }
}
