package io.footfall.store.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.Event;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.SqlWork;
import org.duckdb.DuckDBAppender;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events in the embedded DuckDB file. Batches go in through DuckDB's appender (columnar, no SQL
 * parsing per row) inside one transaction, so a batch is all-or-nothing and durable on commit.
 */
public final class DuckDbEventStore implements EventStore {
    private final DuckDbConnections db;
    private final Dialect dialect = new DuckDbDialect();

    public DuckDbEventStore(DuckDbConnections db) {
        this.db = db;
    }

    /** Fills rollups added by a migration from the events already stored (once; cheap to call again). */
    public void fillNewRollups() throws SQLException {
        db.write(c -> {
            ValueSpans.fillIfNew(c);
            HourSpans.fillIfNew(c);
            return null;
        });
    }

    @Override
    public void append(List<CollectedHit> hits) throws SQLException {
        if (hits.isEmpty()) return;
        db.write(c -> {
            var conn = db.writerConnection();
            deleteReplacedSessionData(c, hits);
            // An appender per table only when the batch has rows for it: each costs a flush at commit.
            boolean anyEvent = false;
            boolean anyEventData = false;
            boolean anySessionData = false;
            for (CollectedHit hit : hits) {
                anyEvent |= hit.event() != null;
                anyEventData |= hit.event() != null && !hit.eventData().isEmpty();
                anySessionData |= !hit.sessionData().isEmpty();
            }
            if (anyEvent) {
                try (DuckDBAppender events = conn.createAppender("main", "event")) {
                    for (CollectedHit hit : hits) if (hit.event() != null) appendEvent(events, hit.event());
                    events.flush();
                }
            }
            if (anyEventData) {
                try (DuckDBAppender eventData = conn.createAppender("main", "event_data")) {
                    for (CollectedHit hit : hits) {
                        if (hit.event() == null) continue;
                        for (DataField f : hit.eventData()) {
                            eventData.beginRow();
                            eventData.append(hit.websiteId());
                            eventData.append(hit.event().eventId());
                            appendField(eventData, f);
                            appendInstant(eventData, hit.createdAt());
                            eventData.endRow();
                        }
                    }
                    eventData.flush();
                }
            }
            if (anySessionData) {
                try (DuckDBAppender sessionData = conn.createAppender("main", "session_data")) {
                    for (var row : latestSessionData(hits)) {
                        CollectedHit hit = row.hit();
                        sessionData.beginRow();
                        sessionData.append(hit.websiteId());
                        sessionData.append(hit.sessionId());
                        appendField(sessionData, row.field());
                        str(sessionData, hit.distinctId());
                        appendInstant(sessionData, hit.createdAt());
                        sessionData.endRow();
                    }
                    sessionData.flush();
                }
            }
            int pending = appendVisits(conn, hits) + SessionSpans.append(conn, hits);
            ValueSpans.append(conn, hits); // these two fold with the others: their rows come with theirs
            HourSpans.append(conn, hits);
            if (pending > 0) {
                if (pendingRows < 0) pendingRows = countPending(c);
                else pendingRows += pending;
                if (pendingRows >= FOLD_ROWS || System.nanoTime() - lastFold > FOLD_NANOS) fold(c);
            }
            return null;
        });
    }

    /** Rebuilds the visit rollup from the event table (after a bulk load that bypassed {@link #append}). */
    public static final String REBUILD_VISITS = "INSERT INTO visit SELECT website_id, visit_id, any_value(session_id), "
            + "min(created_at), max(created_at), count(*), arg_min(url_path, created_at), arg_max(url_path, created_at), "
            + "any_value(browser), any_value(os), any_value(device), any_value(screen), any_value(language), any_value(country), "
            + "any_value(region), any_value(city), count(DISTINCT concat_ws(chr(1), coalesce(browser, chr(2)), coalesce(os, chr(2)), "
            + "coalesce(device, chr(2)), coalesce(screen, chr(2)), coalesce(language, chr(2)), coalesce(country, chr(2)), "
            + "coalesce(region, chr(2)), coalesce(city, chr(2)))) > 1 FROM event WHERE event_type IN (1, 3, 4) "
            + "GROUP BY website_id, visit_id ORDER BY min(created_at)";

    /** Rebuilds the session rollup from the event table (after a bulk load that bypassed {@link #append}). */
    public static final String REBUILD_SESSIONS = SessionSpans.REBUILD.replace("/*AND*/", "");

    /** Rebuilds the session-value rollup from the event table, one statement per kind. */
    public static final String REBUILD_HOURS = HourSpans.REBUILD.replace("/*AND*/", "");

    public static final List<String> REBUILD_VALUES = ValueSpans.rebuild().stream().map(s -> s.replace("/*AND*/", "")).toList();

    private static final String[] VISIT_ATTRIBUTES = {"browser", "os", "device", "screen", "language", "country", "region", "city"};

    /** One visit's views within a batch. */
    private static final class VisitDelta {
        final Event first;
        Instant firstAt;
        Instant lastAt;
        int views;
        String entryPath;
        String exitPath;
        boolean mixed;

        VisitDelta(Event e) {
            first = e;
            firstAt = e.createdAt();
            lastAt = e.createdAt();
            entryPath = e.page().urlPath();
            exitPath = e.page().urlPath();
        }

        void add(Event e) {
            views++;
            if (e == first) return;
            if (e.createdAt().isBefore(firstAt)) {
                firstAt = e.createdAt();
                entryPath = e.page().urlPath();
            }
            if (!e.createdAt().isBefore(lastAt)) {
                lastAt = e.createdAt();
                exitPath = e.page().urlPath();
            }
            if (!Arrays.equals(attributes(first.session()), attributes(e.session()))) mixed = true;
        }
    }

    private static String[] attributes(Event.SessionAttributes s) {
        return new String[]{s.browser(), s.os(), s.device(), s.screen(), s.language(), s.country(), s.region(), s.city()};
    }

    private static boolean isView(Event e) {
        return e.eventType() == 1 || e.eventType() == 3 || e.eventType() == 4;
    }

    /** Fold visit_pending into visit when it holds this many rows, or when the oldest fold is this old. */
    static final int FOLD_ROWS = 20_000;
    static final long FOLD_NANOS = 30_000_000_000L;
    private long pendingRows = -1;
    private long lastFold = System.nanoTime();

    /**
     * Adds the batch's views to the visit rollup: one visit_pending row per visit of the batch (count,
     * first and last view with their paths, attributes), folded into visit from time to time.
     */
    private static int appendVisits(org.duckdb.DuckDBConnection conn, List<CollectedHit> hits) throws SQLException {
        Map<UUID, VisitDelta> deltas = new LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (e == null || !isView(e)) continue;
            deltas.computeIfAbsent(e.visitId(), k -> new VisitDelta(e)).add(e);
        }
        if (deltas.isEmpty()) return 0;
        try (DuckDBAppender a = conn.createAppender("main", "visit_pending")) {
            for (VisitDelta d : deltas.values()) {
                Event e = d.first;
                a.beginRow();
                a.append(e.websiteId());
                a.append(e.visitId());
                a.append(e.sessionId());
                appendInstant(a, d.firstAt);
                appendInstant(a, d.lastAt);
                a.append(d.views);
                str(a, d.entryPath);
                str(a, d.exitPath);
                for (String v : attributes(e.session())) str(a, v);
                a.append(d.mixed);
                a.endRow();
            }
            a.flush();
        }
        return deltas.size();
    }

    private static long countPending(java.sql.Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT (SELECT count(*) FROM visit_pending) + (SELECT count(*) FROM session_pending)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Merges visit_pending into visit and session_pending into session_span, emptying both (inside the caller's write). */
    private void fold(java.sql.Connection c) throws SQLException {
        StringBuilder mixed = new StringBuilder("v.mixed OR d.mixed");
        for (String col : VISIT_ATTRIBUTES) mixed.append(" OR v.").append(col).append(" IS DISTINCT FROM d.").append(col);
        StringBuilder tuple = new StringBuilder("concat_ws(chr(1)");
        for (String col : VISIT_ATTRIBUTES) tuple.append(", coalesce(").append(col).append(", chr(2))");
        tuple.append(")");
        StringBuilder attrs = new StringBuilder();
        for (String col : VISIT_ATTRIBUTES) attrs.append(", any_value(").append(col).append(") AS ").append(col);
        try (Statement st = c.createStatement()) {
            st.execute("MERGE INTO visit v USING (SELECT website_id, visit_id, any_value(session_id) AS session_id, "
                    + "min(first_at) AS first_at, max(last_at) AS last_at, sum(views)::INTEGER AS views, "
                    + "arg_min(entry_path, first_at) AS entry_path, arg_max(exit_path, last_at) AS exit_path" + attrs
                    + ", bool_or(mixed) OR count(DISTINCT " + tuple + ") > 1 AS mixed FROM visit_pending GROUP BY website_id, visit_id) d "
                    + "ON v.website_id = d.website_id AND v.visit_id = d.visit_id "
                    + "WHEN MATCHED THEN UPDATE SET views = v.views + d.views, "
                    + "entry_path = CASE WHEN d.first_at < v.first_at THEN d.entry_path ELSE v.entry_path END, "
                    + "exit_path = CASE WHEN d.last_at >= v.last_at THEN d.exit_path ELSE v.exit_path END, "
                    + "first_at = least(v.first_at, d.first_at), last_at = greatest(v.last_at, d.last_at), mixed = " + mixed + " "
                    + "WHEN NOT MATCHED THEN INSERT VALUES (d.website_id, d.visit_id, d.session_id, d.first_at, d.last_at, d.views, "
                    + "d.entry_path, d.exit_path, d.browser, d.os, d.device, d.screen, d.language, d.country, d.region, d.city, d.mixed)");
            st.execute("DELETE FROM visit_pending");
        }
        SessionSpans.fold(c);
        ValueSpans.fold(c);
        HourSpans.fold(c);
        pendingRows = 0;
        lastFold = System.nanoTime();
    }

    @Override
    public void foldPending() throws SQLException {
        db.write(c -> {
            fold(c);
            return null;
        });
    }

    private record SessionDataRow(CollectedHit hit, DataField field) {
    }

    /** One row per (website, session, key): within a batch, as across batches, the newest value wins. */
    private static java.util.Collection<SessionDataRow> latestSessionData(List<CollectedHit> hits) {
        java.util.Map<String, SessionDataRow> latest = new java.util.LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            for (DataField f : hit.sessionData()) {
                String key = hit.websiteId() + "/" + hit.sessionId() + "/" + f.key();
                latest.remove(key);
                latest.put(key, new SessionDataRow(hit, f));
            }
        }
        return latest.values();
    }

    /** Session data is a key/value map per session: a new value for a key replaces the old one. */
    private static void deleteReplacedSessionData(java.sql.Connection c, List<CollectedHit> hits) throws SQLException {
        PreparedStatement ps = null;
        try {
            for (CollectedHit hit : hits) {
                for (DataField f : hit.sessionData()) {
                    if (ps == null) {
                        ps = c.prepareStatement("DELETE FROM session_data WHERE website_id = ? AND session_id = ? AND data_key = ?");
                    }
                    ps.setObject(1, hit.websiteId());
                    ps.setObject(2, hit.sessionId());
                    ps.setString(3, f.key());
                    ps.executeUpdate();
                }
            }
        } finally {
            if (ps != null) ps.close();
        }
    }

    private static void appendEvent(DuckDBAppender a, Event e) throws SQLException {
        a.beginRow();
        a.append(e.eventId());
        a.append(e.websiteId());
        a.append(e.sessionId());
        a.append(e.visitId());
        appendInstant(a, e.createdAt());
        a.append((short) e.eventType());
        str(a, e.eventName());
        Event.Page p = e.page();
        str(a, p.hostname());
        str(a, p.urlPath());
        str(a, p.urlQuery());
        str(a, p.pageTitle());
        str(a, p.tag());
        Event.Referrer r = e.referrer();
        str(a, r.domain());
        str(a, r.path());
        str(a, r.query());
        Event.Campaign m = e.campaign();
        str(a, m.utmSource());
        str(a, m.utmMedium());
        str(a, m.utmCampaign());
        str(a, m.utmContent());
        str(a, m.utmTerm());
        str(a, m.gclid());
        str(a, m.fbclid());
        str(a, m.msclkid());
        str(a, m.ttclid());
        str(a, m.liFatId());
        str(a, m.twclid());
        Event.SessionAttributes s = e.session();
        str(a, s.browser());
        str(a, s.os());
        str(a, s.device());
        str(a, s.screen());
        str(a, s.language());
        str(a, s.country());
        str(a, s.region());
        str(a, s.city());
        str(a, s.distinctId());
        Event.WebVitals v = e.vitals();
        dbl(a, v.lcp());
        dbl(a, v.inp());
        dbl(a, v.cls());
        dbl(a, v.fcp());
        dbl(a, v.ttfb());
        a.endRow();
    }

    private static void appendField(DuckDBAppender a, DataField f) throws SQLException {
        a.append(f.key());
        str(a, f.stringValue());
        BigDecimal n = f.numberValue();
        if (n == null) a.appendNull();
        else a.append(n);
        if (f.dateValue() == null) a.appendNull();
        else appendInstant(a, f.dateValue());
        a.append((short) f.dataType());
    }

    private static void appendInstant(DuckDBAppender a, Instant t) throws SQLException {
        a.appendEpochMicros(t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000);
    }

    private static void str(DuckDBAppender a, String s) throws SQLException {
        if (s == null) a.appendNull();
        else a.append(s);
    }

    private static void dbl(DuckDBAppender a, Double d) throws SQLException {
        if (d == null) a.appendNull();
        else a.append(d.doubleValue());
    }

    /**
     * Removes events (re-shipping after a crash) and keeps the visit rollup exact: the visits they belonged
     * to are rebuilt from the events that remain, so re-appending the same hits does not count them twice.
     */
    @Override
    public void deleteEvents(java.util.Collection<UUID> eventIds) throws SQLException {
        if (eventIds.isEmpty()) return;
        List<UUID> ids = List.copyOf(eventIds);
        db.write(c -> {
            java.util.Set<UUID> visits = new java.util.HashSet<>();
            java.util.Set<UUID> sessions = new java.util.HashSet<>();
            for (int from = 0; from < ids.size(); from += 1000) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT visit_id, session_id FROM event WHERE event_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setObject(i + 1, chunk.get(i));
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            visits.add((UUID) rs.getObject(1));
                            sessions.add((UUID) rs.getObject(2));
                        }
                    }
                }
                for (String table : List.of("event", "event_data")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE event_id IN (" + marks + ")")) {
                        for (int i = 0; i < chunk.size(); i++) ps.setObject(i + 1, chunk.get(i));
                        ps.executeUpdate();
                    }
                }
            }
            List<UUID> affected = List.copyOf(visits);
            for (int from = 0; from < affected.size(); from += 1000) {
                List<UUID> chunk = affected.subList(from, Math.min(affected.size(), from + 1000));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                List<String> statements = List.of(
                        "DELETE FROM visit WHERE visit_id IN (" + marks + ")",
                        "DELETE FROM visit_pending WHERE visit_id IN (" + marks + ")",
                        REBUILD_VISITS.replace("WHERE event_type IN (1, 3, 4)",
                                "WHERE event_type IN (1, 3, 4) AND visit_id IN (" + marks + ")"));
                for (String sql : statements) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < chunk.size(); i++) ps.setObject(i + 1, chunk.get(i));
                        ps.executeUpdate();
                    }
                }
            }
            List<UUID> affectedSessions = List.copyOf(sessions);
            for (int from = 0; from < affectedSessions.size(); from += 1000) {
                List<UUID> chunk = affectedSessions.subList(from, Math.min(affectedSessions.size(), from + 1000));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                List<String> statements = new java.util.ArrayList<>(List.of(
                        "DELETE FROM session_span WHERE session_id IN (" + marks + ")",
                        "DELETE FROM session_pending WHERE session_id IN (" + marks + ")",
                        SessionSpans.REBUILD.replace("/*AND*/", "AND session_id IN (" + marks + ")"),
                        "DELETE FROM session_value WHERE session_id IN (" + marks + ")",
                        "DELETE FROM session_value_pending WHERE session_id IN (" + marks + ")"));
                for (String sql : ValueSpans.rebuild()) statements.add(sql.replace("/*AND*/", "AND e.session_id IN (" + marks + ")"));
                statements.add("DELETE FROM session_hour WHERE session_id IN (" + marks + ")");
                statements.add("DELETE FROM session_hour_pending WHERE session_id IN (" + marks + ")");
                statements.add(HourSpans.REBUILD.replace("/*AND*/", "AND session_id IN (" + marks + ")"));
                for (String sql : statements) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < chunk.size(); i++) ps.setObject(i + 1, chunk.get(i));
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void deleteWebsiteData(UUID websiteId) throws SQLException {
        db.write(c -> {
            for (String table : List.of("event", "event_data", "session_data", "visit", "visit_pending", "session_span",
                    "session_pending", "session_value", "session_value_pending", "session_hour", "session_hour_pending")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE website_id = ?")) {
                    ps.setObject(1, websiteId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        return db.read(work);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }
}
