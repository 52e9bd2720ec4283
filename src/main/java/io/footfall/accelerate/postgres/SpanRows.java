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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The writer of {@code visit_view_span} and {@code session_view_span} (V11): per visit its session, first and last view time
 * and view count, and (V15) its first and last view with a path; per session its first and last view time and (V13, through
 * {@link #SESSION_VIEWS}) its attributes; and of
 * {@code session_hour_view} (V12): per session and UTC hour its view count, and (V14, V19, {@link HourLinks}) the session's previous
 * hour and previous hour of the same UTC week-hour; and, through {@link ActivityRows}, of V16's
 * activity spans. Called by the PostgreSQL event store inside the transaction of the batch it describes, so the rollups
 * and the events commit together.
 */
public final class SpanRows {
    /** The website's rows, which a reset or delete removes with its events. */
    public static final List<String> TABLES = List.of("visit_view_span", "session_view_span", "session_hour_view",
            "visit_activity_span", "session_activity_span");
    private static final long HOUR_MICROS = 3_600_000_000L;
    /** Per session with views: the session attributes its views carry, all NULL with mixed when they disagree (V13). */
    static final AgreeingSpanRows SESSION_VIEWS = new AgreeingSpanRows("session_view_span",
            List.of("browser", "os", "device", "screen", "language", "country", "region", "city", "distinct_id"), e -> {
                Event.SessionAttributes a = e.session();
                return new String[]{a.browser(), a.os(), a.device(), a.screen(), a.language(), a.country(), a.region(), a.city(),
                        a.distinctId()};
            });

    private static final String VISIT_UPSERT = "INSERT INTO visit_view_span (website_id, visit_id, session_id, first_at, last_at, views, "
            + "entry_at, entry_path, exit_at, exit_path) "
            + "SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamp[], ?::timestamp[], ?::int[], ?::timestamp[], ?::text[], "
            + "?::timestamp[], ?::text[]) "
            + "ON CONFLICT (website_id, visit_id) DO UPDATE SET first_at = least(visit_view_span.first_at, excluded.first_at), "
            + "last_at = greatest(visit_view_span.last_at, excluded.last_at), views = visit_view_span.views + excluded.views, "
            + "entry_at = least(visit_view_span.entry_at, excluded.entry_at), entry_path = " + mergedPage("entry", "<")
            + ", exit_at = greatest(visit_view_span.exit_at, excluded.exit_at), exit_path = " + mergedPage("exit", ">");
    /**
     * Per visit, over its views with a path: the first (last) one's time and path, the path NULL when views with different
     * paths share that time (V15). The migration's fill computes the same.
     */
    static final String PAGE_COLUMNS = "entry_at, entry_path, exit_at, exit_path";
    static final String PAGE_AGGREGATES = "min(created_at) FILTER (WHERE url_path IS NOT NULL), " + onlyPage("created_at") + ", "
            + "max(created_at) FILTER (WHERE url_path IS NOT NULL), " + onlyPage("created_at DESC");

    /** A row already there keeps its previous hour: a new hour before it comes with a recompute ({@link HourLinks}). */
    private static final String HOUR_UPSERT = "INSERT INTO session_hour_view (website_id, hour, session_id, views, prev_hour, prev_slot, "
            + "first_above, first_below) SELECT * FROM unnest(?::uuid[], ?::timestamp[], ?::uuid[], ?::int[], ?::timestamp[], ?::timestamp[], "
            + "?::timestamp[], ?::timestamp[]) "
            + "ON CONFLICT (website_id, hour, session_id) DO UPDATE SET views = session_hour_view.views + excluded.views";

    private SpanRows() {
    }

    /**
     * The upsert's merge of a visit's entry (exit) path: the earlier (later) side's; at the same time, the path when both
     * sides have the same one, else NULL (a tie the reference orders its own way).
     */
    private static String mergedPage(String page, String earlier) {
        String at = "visit_view_span." + page + "_at", path = "visit_view_span." + page + "_path";
        return "CASE WHEN excluded." + page + "_at IS NULL OR " + at + " " + earlier + " excluded." + page + "_at THEN " + path
                + " WHEN " + at + " IS NULL OR excluded." + page + "_at " + earlier + " " + at + " THEN excluded." + page + "_path"
                + " WHEN " + path + " = excluded." + page + "_path THEN " + path + " END";
    }

    /** The path of the views with a path first in this order, when they all have the same one at that time; else NULL. */
    private static String onlyPage(String order) {
        String first = "(array_agg(url_path ORDER BY " + order + ", url_path) FILTER (WHERE url_path IS NOT NULL))[1]";
        String last = "(array_agg(url_path ORDER BY " + order + ", url_path DESC) FILTER (WHERE url_path IS NOT NULL))[1]";
        return "CASE WHEN " + first + " = " + last + " THEN " + first + " END";
    }

    /** What Umami counts as a view (custom events and web vitals are not): {@code EventScope.VIEWS}. */
    static boolean isView(int eventType) {
        return eventType == EventType.PAGEVIEW || eventType == EventType.LINK || eventType == EventType.PIXEL;
    }

    record Key(UUID website, UUID id) {
    }

    /** A session's UTC hour (microseconds of its start). */
    record HourKey(UUID website, long hour, UUID session) {
    }

    private static final class Span {
        final UUID session;
        long first;
        long last;
        int views;
        /** The first and last view with a path (visits only): its time, and its path or null for a tie (V15). */
        Long entryAt, exitAt;
        String entryPath, exitPath;

        Span(UUID session, long micros) {
            this.session = session;
            this.first = micros;
            this.last = micros;
        }

        void add(long micros) {
            first = Math.min(first, micros);
            last = Math.max(last, micros);
            views++;
        }

        void page(long micros, String path) {
            if (path == null) return;
            if (entryAt == null || micros < entryAt) {
                entryAt = micros;
                entryPath = path;
            } else if (micros == entryAt && !path.equals(entryPath)) {
                entryPath = null;
            }
            if (exitAt == null || micros > exitAt) {
                exitAt = micros;
                exitPath = path;
            } else if (micros == exitAt && !path.equals(exitPath)) {
                exitPath = null;
            }
        }
    }

    /**
     * Adds a batch's views: grouped here per visit and per session, then one upsert per table, which widens a row
     * already there (a later or late hit of the visit or session) and adds its views.
     */
    public static void add(Connection c, List<CollectedHit> hits) throws SQLException {
        ActivityRows.add(c, hits);
        Map<Key, Span> visits = new LinkedHashMap<>();
        Map<Key, AgreeingSpanRows.Session> sessions = new LinkedHashMap<>();
        Map<HourKey, Integer> hours = new LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (!hit.ordinaryEvent() || !isView(e.eventType())) continue;
            long micros = micros(e.createdAt());
            Span visit = visits.computeIfAbsent(new Key(e.websiteId(), e.visitId()), k -> new Span(e.sessionId(), micros));
            visit.add(micros);
            visit.page(micros, e.page().urlPath());
            SESSION_VIEWS.add(sessions, new Key(e.websiteId(), e.sessionId()), micros, e);
            hours.merge(new HourKey(e.websiteId(), Math.floorDiv(micros, HOUR_MICROS) * HOUR_MICROS, e.sessionId()), 1, Integer::sum);
        }
        if (visits.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(VISIT_UPSERT)) {
            List<Object> websites = new ArrayList<>(), ids = new ArrayList<>(), owners = new ArrayList<>(), firsts = new ArrayList<>(),
                    lasts = new ArrayList<>(), views = new ArrayList<>(), entryAts = new ArrayList<>(), entryPaths = new ArrayList<>(),
                    exitAts = new ArrayList<>(), exitPaths = new ArrayList<>();
            visits.forEach((k, s) -> {
                websites.add(k.website());
                ids.add(k.id());
                owners.add(s.session);
                firsts.add(timestamp(s.first));
                lasts.add(timestamp(s.last));
                views.add(s.views);
                entryAts.add(s.entryAt == null ? null : timestamp(s.entryAt));
                entryPaths.add(s.entryPath);
                exitAts.add(s.exitAt == null ? null : timestamp(s.exitAt));
                exitPaths.add(s.exitPath);
            });
            bind(c, ps, websites, "uuid", ids, "uuid", owners, "uuid", firsts, "text", lasts, "text", views, "int4",
                    entryAts, "text", entryPaths, "text", exitAts, "text", exitPaths, "text");
            ps.executeUpdate();
        }
        PageChains.recompute(c, sessions.keySet());
        // Before session_view_span takes the batch: the previous hours come from the sessions' last views so far.
        HourLinks links = HourLinks.of(c, hours.keySet());
        SESSION_VIEWS.write(c, sessions);
        try (PreparedStatement ps = c.prepareStatement(HOUR_UPSERT)) {
            List<Object> websites = new ArrayList<>(), starts = new ArrayList<>(), ids = new ArrayList<>(), views = new ArrayList<>(),
                    prevs = new ArrayList<>(), slotPrevs = new ArrayList<>(), aboves = new ArrayList<>(), belows = new ArrayList<>();
            hours.forEach((k, n) -> {
                websites.add(k.website());
                starts.add(timestamp(k.hour()));
                ids.add(k.session());
                views.add(n);
                Long prev = links.previous(k);
                prevs.add(prev == null ? null : timestamp(prev));
                Long slotPrev = links.previousInSlot(k);
                slotPrevs.add(slotPrev == null ? null : timestamp(slotPrev));
                Long above = links.firstAbove(k), below = links.firstBelow(k);
                aboves.add(above == null ? null : timestamp(above));
                belows.add(below == null ? null : timestamp(below));
            });
            bind(c, ps, websites, "uuid", starts, "text", ids, "uuid", views, "int4", prevs, "text", slotPrevs, "text", aboves, "text", belows, "text");
            ps.executeUpdate();
        }
        HourLinks.relink(c, links.late(), null);
    }

    /**
     * Before the events with these ids are deleted (a crash re-ship deletes them, then appends them again): the rows
     * of their visits and sessions are computed again from those visits' and sessions' other events.
     */
    public static void withoutEvents(Connection c, Array eventIds) throws SQLException {
        ActivityRows.withoutEvents(c, eventIds);
        Set<Key> visits = new LinkedHashSet<>();
        Set<Key> sessions = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT website_id, visit_id, session_id FROM event "
                + "WHERE event_id = ANY (?) AND event_type IN (1, 3, 4)")) {
            ps.setArray(1, eventIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID website = rs.getObject(1, UUID.class);
                    visits.add(new Key(website, rs.getObject(2, UUID.class)));
                    sessions.add(new Key(website, rs.getObject(3, UUID.class)));
                }
            }
        }
        if (visits.isEmpty()) return;
        recompute(c, "visit_view_span", "visit_id", visits, eventIds,
                "INSERT INTO visit_view_span (website_id, visit_id, session_id, first_at, last_at, views, " + PAGE_COLUMNS + ") "
                        + "SELECT e.website_id, e.visit_id, (array_agg(e.session_id))[1], min(e.created_at), max(e.created_at), count(*), "
                        + PAGE_AGGREGATES.replace("url_path", "e.url_path").replace("created_at", "e.created_at") + " FROM unnest(?::uuid[], ?::uuid[]) AS k(w, id) JOIN event e ON e.website_id = k.w AND e.visit_id = k.id "
                        + "WHERE e.event_type IN (1, 3, 4) AND e.event_id <> ALL (?) GROUP BY e.website_id, e.visit_id");
        PageChains.recompute(c, sessions);
        recompute(c, "session_view_span", "session_id", sessions, eventIds,
                SESSION_VIEWS.fill + " FROM (SELECT e.* "
                        + "FROM unnest(?::uuid[], ?::uuid[]) AS k(w, id) JOIN event e ON e.website_id = k.w AND e.session_id = k.id "
                        + "WHERE e.event_type IN (1, 3, 4) AND e.event_id <> ALL (?)) e GROUP BY website_id, session_id");
        // The session hours of the deleted views, counted again from the views left in them.
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS reshipped_hour");
        }
        try (PreparedStatement ps = c.prepareStatement("CREATE TEMPORARY TABLE reshipped_hour AS "
                + "SELECT DISTINCT website_id, date_trunc('hour', created_at) AS hour, session_id FROM event "
                + "WHERE event_id = ANY (?) AND event_type IN (1, 3, 4)")) {
            ps.setArray(1, eventIds);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_hour_view r USING reshipped_hour k "
                + "WHERE r.website_id = k.website_id AND r.hour = k.hour AND r.session_id = k.session_id")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_hour_view (website_id, hour, session_id, views) "
                + "SELECT k.website_id, k.hour, k.session_id, count(*) FROM reshipped_hour k JOIN event e ON e.website_id = k.website_id "
                + "AND e.session_id = k.session_id AND e.created_at >= k.hour AND e.created_at < k.hour + interval '1 hour' "
                + "WHERE e.event_type IN (1, 3, 4) AND e.event_id <> ALL (?) GROUP BY k.website_id, k.hour, k.session_id")) {
            ps.setArray(1, eventIds);
            ps.executeUpdate();
        }
        Set<Key> relinked = new LinkedHashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT website_id, session_id FROM reshipped_hour")) {
            while (rs.next()) relinked.add(new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE reshipped_hour");
        }
        HourLinks.relink(c, relinked, eventIds);
    }

    static void recompute(Connection c, String table, String idColumn, Set<Key> keys, Array eventIds, String insert) throws SQLException {
        Array websites = c.createArrayOf("uuid", keys.stream().map(Key::website).toArray());
        Array ids = c.createArrayOf("uuid", keys.stream().map(Key::id).toArray());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " r USING unnest(?::uuid[], ?::uuid[]) AS k(w, id) "
                + "WHERE r.website_id = k.w AND r." + idColumn + " = k.id")) {
            ps.setArray(1, websites);
            ps.setArray(2, ids);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setArray(1, websites);
            ps.setArray(2, ids);
            ps.setArray(3, eventIds);
            ps.executeUpdate();
        }
    }

    /** Everything again from the event table: after a bulk load that wrote events without this writer (the query bench's copy). */
    public static void rebuildAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + String.join(", ", TABLES));
            ActivityRows.rebuildAll(c);
            st.execute("INSERT INTO visit_view_span (website_id, visit_id, session_id, first_at, last_at, views, " + PAGE_COLUMNS + ") "
                    + "SELECT website_id, visit_id, (array_agg(session_id))[1], min(created_at), max(created_at), count(*), "
                    + PAGE_AGGREGATES + " FROM event WHERE event_type IN (1, 3, 4) GROUP BY website_id, visit_id");
            PageChains.rebuildAll(st);
            st.execute(SESSION_VIEWS.fill + " FROM event WHERE event_type IN (1, 3, 4) GROUP BY website_id, session_id");
            st.execute("INSERT INTO session_hour_view (website_id, hour, session_id, views, prev_hour, prev_slot) "
                    + "SELECT website_id, hour, session_id, n, lag(hour) OVER (PARTITION BY website_id, session_id ORDER BY hour), "
                    + "lag(hour) OVER (PARTITION BY website_id, session_id, " + HourLinks.SLOT + " ORDER BY hour) "
                    + "FROM (SELECT website_id, date_trunc('hour', created_at) AS hour, session_id, count(*) AS n "
                    + "FROM event WHERE event_type IN (1, 3, 4) GROUP BY 1, 2, 3) h");
            st.execute("WITH " + HourLinks.neighbours("session_hour_view") + " UPDATE session_hour_view r SET first_above = n.above, "
                    + "first_below = n.below FROM n WHERE r.website_id = n.website_id AND r.hour = n.hour AND r.session_id = n.session_id "
                    + "AND (n.above IS NOT NULL OR n.below IS NOT NULL)");
        }
        SessionValueRows.rebuildAll(c);
        VisitValueRows.rebuildAll(c);
        PickerValueRows.rebuildAll(c);
    }

    /** Binds (values, element type) pairs as arrays in binary form ({@link BinaryArray}), in order. */
    static void bind(Connection c, PreparedStatement ps, Object... pairs) throws SQLException {
        for (int i = 0; i < pairs.length; i += 2) {
            BinaryArray.bind(c, ps, i / 2 + 1, (List<?>) pairs[i], (String) pairs[i + 1]);
        }
    }

    /** Microseconds since the epoch, truncated as the binary COPY writes {@code created_at}. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    /** A timestamp parameter value: microseconds since the epoch, which {@link BinaryArray} sends exactly. */
    record Micros(long value) {
    }

    /** A timestamp for {@link #bind}. */
    static Micros timestamp(long micros) {
        return new Micros(micros);
    }
}
