package io.footfall.accelerate.postgres;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.event.EventType;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The writer of {@code visit_hour} (V11): one row per (website, UTC hour, visit) with views in it — the visit's
 * session, its first and last view time in the hour and its view count. Called by the PostgreSQL event store inside
 * the transaction of the batch it describes, so the rollup and the events commit together.
 */
public final class VisitHours {
    public static final String TABLE = "visit_hour";

    private static final String COLUMNS = "website_id, hour, visit_id, session_id, first_at, last_at, views";

    private VisitHours() {
    }

    /** What Umami counts as a view (custom events and web vitals are not); {@code EventScope.VIEWS} in Java. */
    static boolean isView(int eventType) {
        return eventType == EventType.PAGEVIEW || eventType == EventType.LINK || eventType == EventType.PIXEL;
    }

    private record Key(UUID website, long hour, UUID visit) {
    }

    private static final class Row {
        final UUID session;
        long first;
        long last;
        int views;

        Row(UUID session, long micros) {
            this.session = session;
            this.first = micros;
            this.last = micros;
        }
    }

    /**
     * Adds a batch's views: grouped here per (website, hour, visit), then one upsert, which widens an existing row's
     * first/last and adds its views (a late hit for an hour already written).
     */
    public static void add(Connection c, List<CollectedHit> hits) throws SQLException {
        Map<Key, Row> rows = new LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (!hit.ordinaryEvent() || !isView(e.eventType())) continue;
            long micros = micros(e.createdAt());
            Row row = rows.computeIfAbsent(new Key(e.websiteId(), Math.floorDiv(micros, 3_600_000_000L), e.visitId()),
                    k -> new Row(e.sessionId(), micros));
            row.first = Math.min(row.first, micros);
            row.last = Math.max(row.last, micros);
            row.views++;
        }
        if (rows.isEmpty()) return;
        int n = rows.size();
        UUID[] websites = new UUID[n];
        UUID[] visits = new UUID[n];
        UUID[] sessions = new UUID[n];
        String[] firsts = new String[n];
        String[] lasts = new String[n];
        Integer[] views = new Integer[n];
        int i = 0;
        for (Map.Entry<Key, Row> r : rows.entrySet()) {
            websites[i] = r.getKey().website();
            visits[i] = r.getKey().visit();
            sessions[i] = r.getValue().session;
            firsts[i] = timestamp(r.getValue().first);
            lasts[i] = timestamp(r.getValue().last);
            views[i] = r.getValue().views;
            i++;
        }
        // The hour is the first view's, truncated; timestamps go as text, which PostgreSQL reads exactly (microseconds).
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit_hour (" + COLUMNS + ") "
                + "SELECT w, date_trunc('hour', f), v, s, f, l, n FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamp[], ?::timestamp[], ?::int[]) "
                + "AS b(w, v, s, f, l, n) ON CONFLICT (website_id, hour, visit_id) DO UPDATE SET "
                + "first_at = least(visit_hour.first_at, excluded.first_at), last_at = greatest(visit_hour.last_at, excluded.last_at), "
                + "views = visit_hour.views + excluded.views")) {
            ps.setArray(1, c.createArrayOf("uuid", websites));
            ps.setArray(2, c.createArrayOf("uuid", visits));
            ps.setArray(3, c.createArrayOf("uuid", sessions));
            ps.setArray(4, c.createArrayOf("text", firsts));
            ps.setArray(5, c.createArrayOf("text", lasts));
            ps.setArray(6, c.createArrayOf("int4", views));
            ps.executeUpdate();
        }
    }

    /**
     * Before the events with these ids are deleted (a crash re-ship deletes, then appends them again): the rows of
     * the (website, hour, visit) they fall in are computed again from the other events of that hour and visit.
     */
    public static void withoutEvents(Connection c, Array eventIds) throws SQLException {
        List<UUID> websites = new ArrayList<>();
        List<UUID> visits = new ArrayList<>();
        List<String> hours = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT website_id, visit_id, date_trunc('hour', created_at)::text "
                + "FROM event WHERE event_id = ANY (?) AND event_type IN (1, 3, 4)")) {
            ps.setArray(1, eventIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    websites.add(rs.getObject(1, UUID.class));
                    visits.add(rs.getObject(2, UUID.class));
                    hours.add(rs.getString(3));
                }
            }
        }
        if (websites.isEmpty()) return;
        Array w = c.createArrayOf("uuid", websites.toArray());
        Array v = c.createArrayOf("uuid", visits.toArray());
        Array h = c.createArrayOf("text", hours.toArray());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM visit_hour r USING unnest(?::uuid[], ?::uuid[], ?::timestamp[]) AS k(w, v, h) "
                + "WHERE r.website_id = k.w AND r.hour = k.h AND r.visit_id = k.v")) {
            ps.setArray(1, w);
            ps.setArray(2, v);
            ps.setArray(3, h);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit_hour (" + COLUMNS + ") "
                + "SELECT e.website_id, k.h, e.visit_id, (array_agg(e.session_id))[1], min(e.created_at), max(e.created_at), count(*) "
                + "FROM unnest(?::uuid[], ?::uuid[], ?::timestamp[]) AS k(w, v, h) JOIN event e ON e.website_id = k.w "
                + "AND e.created_at >= k.h AND e.created_at < k.h + INTERVAL '1 hour' AND e.visit_id = k.v "
                + "WHERE e.event_type IN (1, 3, 4) AND e.event_id <> ALL (?) GROUP BY e.website_id, k.h, e.visit_id")) {
            ps.setArray(1, w);
            ps.setArray(2, v);
            ps.setArray(3, h);
            ps.setArray(4, eventIds);
            ps.executeUpdate();
        }
    }

    /** Everything again from the event table: after a bulk load that wrote events without this writer (the query bench's copy). */
    public static void rebuildAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE visit_hour");
            st.execute("INSERT INTO visit_hour (" + COLUMNS + ") SELECT website_id, date_trunc('hour', created_at), visit_id, "
                    + "(array_agg(session_id))[1], min(created_at), max(created_at), count(*) FROM event WHERE event_type IN (1, 3, 4) "
                    + "GROUP BY website_id, date_trunc('hour', created_at), visit_id");
        }
    }

    /** Microseconds since the epoch, truncated as the binary COPY writes {@code created_at}. */
    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static String timestamp(long micros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1_000, ZoneOffset.UTC);
        return t.toString().replace('T', ' ');
    }
}
