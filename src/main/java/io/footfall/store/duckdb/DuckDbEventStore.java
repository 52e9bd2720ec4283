package io.footfall.store.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.Event;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.SessionValueKind;
import io.footfall.store.SqlWork;
import org.duckdb.DuckDBAppender;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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

    private DuckDbEventStore(DuckDbConnections db) {
        this.db = db;
    }

    /** The store over a migrated database, its rollups ready ({@link #prepare}). */
    public static DuckDbEventStore open(DuckDbConnections db) throws SQLException {
        DuckDbEventStore store = new DuckDbEventStore(db);
        store.prepare();
        Thread.ofPlatform().name("footfall-fold").daemon(true).start(store::foldWhenIdle);
        return store;
    }

    /**
     * Folds a tail that appends have left waiting, so reads do not keep paying for it: a few seconds after
     * traffic pauses (a burst, then a dashboard), else when the last fold is {@link #FOLD_NANOS} old. Ends
     * when the store is closed.
     */
    private void foldWhenIdle() {
        while (true) {
            try {
                Thread.sleep(1000);
                long now = System.nanoTime();
                long idle = idleFoldNanos();
                boolean paused = idle > 0 && now - lastAppend > idle && now - lastFold > 3 * idle;
                if (!tail.isEmpty() && foldHolds.get() == 0 && (paused || now - lastFold > FOLD_NANOS)) foldPending();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (db.isClosed()) return;
                LOG.log(System.Logger.Level.WARNING, "folding the rollups failed; retrying later", e);
            }
        }
    }

    private static final System.Logger LOG = System.getLogger(DuckDbEventStore.class.getName());

    /**
     * Readies the rollups after migrations: creates the tail views, fills rollups a migration added from
     * the events already stored, and finds the next batch sequence number.
     */
    private void prepare() throws SQLException {
        db.write(c -> {
            Rollups.createViews(c);
            Rollups.fillIfNew(c);
            nextSeq = Rollups.nextSeq(c);
            try (Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT website_id, max(ingest_seq) FROM " + Rollups.TAIL + " GROUP BY website_id")) {
                while (rs.next()) tail.put((UUID) rs.getObject(1), rs.getLong(2));
            }
            return null;
        });
    }

    /**
     * Websites with events not folded yet, each with its latest batch. Marked before a batch commits and
     * cleared only after a fold commits, so a reader never skips a tail it could see.
     */
    private final java.util.concurrent.ConcurrentHashMap<UUID, Long> tail = new java.util.concurrent.ConcurrentHashMap<>();
    /** Set by a fold inside a write: batches up to it are folded once that write commits. */
    private long foldedThrough = -1;

    @Override
    public boolean hasTail(UUID websiteId) {
        return tail.containsKey(websiteId);
    }

    /** After a write that folded has committed: forget websites whose tail it folded. */
    private void forgetFolded() {
        long folded = foldedThrough;
        if (folded < 0) return;
        foldedThrough = -1;
        tail.entrySet().removeIf(e -> e.getValue() <= folded);
    }

    @Override
    public void append(List<CollectedHit> hits) throws SQLException {
        if (hits.isEmpty()) return;
        lastAppend = System.nanoTime();
        db.write(c -> {
            foldedThrough = -1;
            for (CollectedHit hit : hits) if (hit.event() != null) tail.merge(hit.websiteId(), nextSeq, Math::max);
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
                    for (CollectedHit hit : hits) if (hit.event() != null) appendEvent(events, hit.event(), nextSeq);
                    events.flush();
                }
            }
            if (anyEventData) {
                try (DuckDBAppender eventData = conn.createAppender("main", "event_data")) {
                    for (CollectedHit hit : hits) {
                        if (hit.event() == null) continue;
                        short index = 0;
                        for (DataField f : hit.eventData()) {
                            eventData.beginRow();
                            eventData.append(hit.websiteId());
                            eventData.append(hit.event().eventId());
                            appendField(eventData, f);
                            appendInstant(eventData, hit.createdAt());
                            eventData.append((short) hit.event().eventType());
                            str(eventData, hit.event().eventName());
                            eventData.append(index++);
                            eventData.endRow();
                        }
                    }
                    eventData.flush();
                }
            }
            if (anySessionData) {
                var rows = latestSessionData(hits);
                var spans = sessionSpans(c, rows);
                try (DuckDBAppender sessionData = conn.createAppender("main", "session_data")) {
                    for (var row : rows) {
                        CollectedHit hit = row.hit();
                        sessionData.beginRow();
                        sessionData.append(hit.websiteId());
                        sessionData.append(hit.sessionId());
                        appendField(sessionData, row.field());
                        str(sessionData, hit.distinctId());
                        appendInstant(sessionData, hit.createdAt());
                        appendSpan(sessionData, spans.get(hit.websiteId()).get(hit.sessionId()));
                        sessionData.endRow();
                    }
                    sessionData.flush();
                }
            }
            if (anyEvent) {
                if (pendingRows < 0) pendingRows = Rollups.tailSize(c);
                else pendingRows += hits.size();
                if (foldHolds.get() == 0 && (pendingRows >= FOLD_ROWS || System.nanoTime() - lastFold > FOLD_NANOS)) fold(c);
            }
            nextSeq++;
            return null;
        });
        forgetFolded();
    }

    /**
     * Fold the tail into the rollups when it holds this many events, or when the last fold is this old.
     * Each fold scans the rollup tables, so under heavy ingest fewer, larger folds cost less; readers stay
     * exact either way (the tail is read from events), just slower while it is large.
     */
    static final int FOLD_ROWS = 100_000;
    static final long FOLD_NANOS = 30_000_000_000L;

    /**
     * How long appends must pause before the tail is folded early (system property
     * {@code footfall.fold.idleSeconds}, default 3; 0 turns it off, as the tests do to keep their tails).
     */
    static long idleFoldNanos() {
        return Integer.getInteger("footfall.fold.idleSeconds", 3) * 1_000_000_000L;
    }

    private volatile long lastAppend = System.nanoTime();
    private volatile long pendingRows = -1;
    private volatile long lastFold = System.nanoTime();
    /** Sequence number of the next appended batch (events' ingest_seq; see V6). */
    private long nextSeq = 1;

    /** {@code -Dfootfall.traceSql=true}: also each fold's time on stderr. */
    private static final boolean TRACE = Boolean.getBoolean("footfall.traceSql");

    private void fold(java.sql.Connection c) throws SQLException {
        long start = System.nanoTime();
        db.fenceThisCommit();
        foldedThrough = Rollups.fold(c);
        if (TRACE) System.err.printf(java.util.Locale.ROOT, "fold %.1f ms: %d events%n", (System.nanoTime() - start) / 1e6, pendingRows);
        pendingRows = 0;
        lastFold = System.nanoTime();
    }

    @Override
    public void foldPending() throws SQLException {
        db.write(c -> {
            foldedThrough = -1;
            fold(c);
            return null;
        });
        forgetFolded();
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

    /** The folded spans of the sessions these rows belong to, by website and session (see SessionDataSpans). */
    private static java.util.Map<UUID, java.util.Map<UUID, SessionDataSpans.Span>> sessionSpans(java.sql.Connection c,
            java.util.Collection<SessionDataRow> rows) throws SQLException {
        java.util.Map<UUID, java.util.Set<UUID>> sessions = new java.util.HashMap<>();
        for (var row : rows) sessions.computeIfAbsent(row.hit().websiteId(), w -> new java.util.HashSet<>()).add(row.hit().sessionId());
        java.util.Map<UUID, java.util.Map<UUID, SessionDataSpans.Span>> spans = new java.util.HashMap<>();
        for (var e : sessions.entrySet()) spans.put(e.getKey(), SessionDataSpans.lookup(c, e.getKey(), e.getValue()));
        return spans;
    }

    /** A session data row's copy of its session's span: NULLs while the session has no folded activity. */
    private static void appendSpan(DuckDBAppender a, SessionDataSpans.Span span) throws SQLException {
        if (span == null) {
            a.appendNull();
            a.appendNull();
            return;
        }
        appendInstant(a, span.firstAt());
        appendInstant(a, span.lastAt());
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

    private static void appendEvent(DuckDBAppender a, Event e, long seq) throws SQLException {
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
        a.append(seq);
        a.endRow();
    }

    /** Scale of the number_value columns, DECIMAL(19,4) as Umami's numeric(19,4). */
    private static final int NUMBER_SCALE = 4;

    private static void appendField(DuckDBAppender a, DataField f) throws SQLException {
        a.append(f.key());
        str(a, f.stringValue());
        BigDecimal n = f.numberValue();
        if (n == null) a.appendNull();
        else a.append(n.setScale(NUMBER_SCALE, java.math.RoundingMode.HALF_UP)); // the appender takes only the column's scale
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
     * Removes events (re-shipping after a crash) and keeps the rollups exact: the visits and sessions they
     * belonged to are rebuilt from the events that remain, the totals beside the rollups follow, and folded
     * custom events leave the hourly counts, so re-appending the same hits does not count them twice.
     */
    @Override
    public void deleteEvents(java.util.Collection<UUID> eventIds) throws SQLException {
        if (eventIds.isEmpty()) return;
        List<UUID> ids = List.copyOf(eventIds);
        db.write(c -> {
            db.fenceThisCommit();
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
                for (RollupTotals.Table t : EventHours.TABLES) {
                    try (Statement st = c.createStatement()) {
                        RollupTotals.begin(st, t);
                    }
                    try (PreparedStatement ps = c.prepareStatement(EventHours.subtractFolded(t).replace("/*IN*/", marks))) {
                        for (int i = 0; i < chunk.size(); i++) ps.setObject(i + 1, chunk.get(i));
                        ps.executeUpdate();
                    }
                    try (Statement st = c.createStatement()) {
                        RollupTotals.commit(st, t);
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
            List<RollupTotals.Table> visitTotals = new java.util.ArrayList<>(List.of(RollupTotals.VISIT_DAYS));
            for (SessionValueKind k : SessionValueKind.values()) visitTotals.add(RollupTotals.visitValueDays(k));
            for (int from = 0; from < affected.size(); from += 1000) {
                List<UUID> chunk = affected.subList(from, Math.min(affected.size(), from + 1000));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                List<String> rebuild = new java.util.ArrayList<>(List.of(
                        "DELETE FROM visit WHERE visit_id IN (" + marks + ")",
                        VisitSpans.REBUILD.replace("/*AND*/", "AND visit_id IN (" + marks + ")"),
                        "DELETE FROM visit_event WHERE visit_id IN (" + marks + ")",
                        EventSpans.rebuildVisits().replace("/*AND*/", "AND visit_id IN (" + marks + ")"),
                        "DELETE FROM visit_journey WHERE visit_id IN (" + marks + ")"));
                for (String sql : JourneySpans.rebuild()) rebuild.add(sql.replace("/*AND*/", "AND visit_id IN (" + marks + ")"));
                for (String sql : VisitValueSpans.delete()) rebuild.add(sql.replace("/*IN*/", marks));
                for (String sql : VisitValueSpans.rebuild()) rebuild.add(sql.replace("/*AND*/", "AND e.visit_id IN (" + marks + ")"));
                rebuildRows(c, chunk, "visit_id", rebuild, visitTotals);
            }
            List<UUID> affectedSessions = List.copyOf(sessions);
            try (Statement st = c.createStatement()) {
                for (int from = 0; from < affectedSessions.size(); from += 1000) {
                    StringBuilder list = new StringBuilder();
                    for (UUID id : affectedSessions.subList(from, Math.min(affectedSessions.size(), from + 1000))) {
                        list.append(list.isEmpty() ? "" : ", ").append('\'').append(id).append("'::UUID"); // our own ids, not input
                    }
                    VisitSpans.relink(st, "SELECT unnest([" + list + "])");
                }
            }
            List<RollupTotals.Table> sessionTotals = new java.util.ArrayList<>(List.of(RollupTotals.SESSION_DAYS, RollupTotals.HOUR_GAPS,
                    RollupTotals.SLOT_GAPS));
            for (SessionValueKind k : SessionValueKind.values()) sessionTotals.add(RollupTotals.sessionValueDays(k));
            for (int from = 0; from < affectedSessions.size(); from += 1000) {
                List<UUID> chunk = affectedSessions.subList(from, Math.min(affectedSessions.size(), from + 1000));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                List<String> rebuild = new java.util.ArrayList<>(List.of(
                        "DELETE FROM session_span WHERE session_id IN (" + marks + ")",
                        SessionSpans.REBUILD.replace("/*AND*/", "AND session_id IN (" + marks + ")"),
                        "DELETE FROM session_hour WHERE session_id IN (" + marks + ")",
                        HourSpans.REBUILD.replace("/*AND*/", "AND session_id IN (" + marks + ")"),
                        "DELETE FROM session_event WHERE session_id IN (" + marks + ")",
                        EventSpans.rebuildSessions().replace("/*AND*/", "AND session_id IN (" + marks + ")")));
                for (String sql : ValueSpans.delete()) rebuild.add(sql.replace("/*IN*/", marks));
                for (String sql : ValueSpans.rebuild()) rebuild.add(sql.replace("/*AND*/", "AND e.session_id IN (" + marks + ")"));
                for (String sql : SessionDataSpans.followRebuild()) rebuild.add(sql.replace("/*IN*/", marks));
                rebuildRows(c, chunk, "session_id", rebuild, sessionTotals);
            }
            return null;
        });
    }

    /**
     * Runs statements that rebuild the rollup rows of some sessions or visits ({@code key} in {@code ids}; each
     * statement takes the ids as its parameters), bracketed so the totals beside those rollups stay equal.
     */
    private static void rebuildRows(java.sql.Connection c, List<UUID> ids, String key, List<String> rebuild,
                                    List<RollupTotals.Table> totals) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        java.util.Map<String, RollupTotals.Table> byName = new java.util.LinkedHashMap<>();
        for (RollupTotals.Table t : totals) byName.putIfAbsent(t.name(), t);
        List<String> statements = new java.util.ArrayList<>();
        for (RollupTotals.Table t : totals) statements.add(RollupTotals.contribution(t, -1, "s." + key + " IN (" + marks + ")"));
        statements.addAll(rebuild);
        for (RollupTotals.Table t : totals) statements.add(RollupTotals.contribution(t, 1, "s." + key + " IN (" + marks + ")"));
        try (Statement st = c.createStatement()) {
            for (RollupTotals.Table t : byName.values()) RollupTotals.begin(st, t);
        }
        for (String sql : statements) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < ids.size(); i++) ps.setObject(i + 1, ids.get(i));
                ps.executeUpdate();
            }
        }
        try (Statement st = c.createStatement()) {
            for (RollupTotals.Table t : byName.values()) RollupTotals.commit(st, t);
        }
    }

    @Override
    public void deleteWebsiteData(UUID websiteId) throws SQLException {
        db.write(c -> {
            db.fenceThisCommit();
            List<String> tables = new java.util.ArrayList<>(List.of("event", "event_data", "session_data", "visit", "session_span",
                    "session_hour"));
            tables.addAll(VisitValueSpans.tables());
            tables.addAll(ValueSpans.tables());
            tables.addAll(EventSpans.tables());
            tables.add("event_hour");
            tables.add("visit_journey");
            tables.add(RollupTotals.EVENT_TYPE_HOURS.name());
            tables.add(RollupTotals.VISIT_DAYS.name());
            tables.add(RollupTotals.SESSION_DAYS.name());
            tables.add(RollupTotals.HOUR_GAPS.name());
            tables.add(RollupTotals.SLOT_GAPS.name());
            for (String table : tables) {
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

    /** Reads holding back new folds (see {@link #readTogether}); folds start only while this is zero. */
    private final java.util.concurrent.atomic.AtomicInteger foldHolds = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Runs the reading again whenever a fold (or re-ship, or reset) committed while it ran. A fold commits
     * at most every few seconds, so once is the rule; a reading that keeps meeting folds (a slow one under
     * heavy ingest) holds back new folds for its next run instead, after the one under way has committed.
     */
    @Override
    public <T> T readTogether(Reading<T> reading) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            boolean hold = attempt >= 2;
            if (hold) {
                foldHolds.incrementAndGet();
                db.awaitWrite();
            }
            try {
                long stamp = db.readStamp();
                T result = reading.run();
                if (db.unchangedSince(stamp)) return result;
            } finally {
                if (hold) foldHolds.decrementAndGet();
            }
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }
}
