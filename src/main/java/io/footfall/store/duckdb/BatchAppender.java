package io.footfall.store.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.Event;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one batch of hits through DuckDB's appender (columnar, no SQL parsing per row): events numbered with the
 * batch's sequence (their {@code ingest_seq}, so the fold finds them in the tail), their event data, and session
 * data, which replaces the session's earlier value of a key. Runs inside the caller's write transaction.
 */
final class BatchAppender {
    /** Scale of the number_value columns, DECIMAL(19,4) as Umami's numeric(19,4). */
    private static final int NUMBER_SCALE = 4;

    private BatchAppender() {
    }

    static void append(DuckDBConnection conn, Connection c, List<CollectedHit> hits, long seq, RollupMaintenance rollups) throws SQLException {
        deleteReplacedSessionData(c, hits);
        // An appender per table only when the batch has rows for it: each costs a flush at commit.
        boolean anyEvent = false;
        boolean anyFlagged = false;
        boolean anyEventData = false;
        boolean anySessionData = false;
        for (CollectedHit hit : hits) {
            anyEvent |= hit.ordinaryEvent();
            anyFlagged |= hit.flagged();
            anyEventData |= hit.ordinaryEvent() && !hit.eventData().isEmpty();
            anySessionData |= !hit.sessionData().isEmpty();
        }
        if (anyEvent) {
            try (DuckDBAppender events = conn.createAppender("main", "event")) {
                for (CollectedHit hit : hits) {
                    if (!hit.ordinaryEvent()) continue;
                    events.beginRow();
                    appendEvent(events, hit.event(), seq);
                    events.endRow();
                }
                events.flush();
            }
        }
        if (anyFlagged) {
            // Never folded: the rollups read event only, so flagged rows keep ingest_seq 0.
            try (DuckDBAppender flagged = conn.createAppender("main", "flagged_event")) {
                for (CollectedHit hit : hits) {
                    if (!hit.flagged()) continue;
                    flagged.beginRow();
                    appendEvent(flagged, hit.event(), 0);
                    flagged.append(hit.flag().sql());
                    flagged.endRow();
                }
                flagged.flush();
            }
        }
        if (anyEventData) {
            try (DuckDBAppender eventData = conn.createAppender("main", "event_data")) {
                for (CollectedHit hit : hits) {
                    if (!hit.ordinaryEvent()) continue;
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
            var spans = sessionSpans(c, rows, rollups);
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
    }

    private record SessionDataRow(CollectedHit hit, DataField field) {
    }

    /** One row per (website, session, key): within a batch, as across batches, the newest value wins. */
    private static Collection<SessionDataRow> latestSessionData(List<CollectedHit> hits) {
        Map<String, SessionDataRow> latest = new LinkedHashMap<>();
        for (CollectedHit hit : hits) {
            for (DataField f : hit.sessionData()) {
                String key = hit.websiteId() + "/" + hit.sessionId() + "/" + f.key();
                latest.remove(key);
                latest.put(key, new SessionDataRow(hit, f));
            }
        }
        return latest.values();
    }

    /** The folded spans of the sessions these rows belong to, by website and session (V18: session data carries them). */
    private static Map<UUID, Map<UUID, RollupMaintenance.SessionSpan>> sessionSpans(Connection c, Collection<SessionDataRow> rows,
                                                                                   RollupMaintenance rollups) throws SQLException {
        Map<UUID, Set<UUID>> sessions = new HashMap<>();
        for (var row : rows) sessions.computeIfAbsent(row.hit().websiteId(), w -> new HashSet<>()).add(row.hit().sessionId());
        Map<UUID, Map<UUID, RollupMaintenance.SessionSpan>> spans = new HashMap<>();
        for (var e : sessions.entrySet()) spans.put(e.getKey(), rollups.sessionSpans(c, e.getKey(), e.getValue()));
        return spans;
    }

    /** A session data row's copy of its session's span: NULLs while the session has no folded activity. */
    private static void appendSpan(DuckDBAppender a, RollupMaintenance.SessionSpan span) throws SQLException {
        if (span == null) {
            a.appendNull();
            a.appendNull();
            return;
        }
        appendInstant(a, span.firstAt());
        appendInstant(a, span.lastAt());
    }

    /** Session data is a key/value map per session: a new value for a key replaces the old one. */
    private static void deleteReplacedSessionData(Connection c, List<CollectedHit> hits) throws SQLException {
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

    /** The event columns of one row (the caller begins and ends it). */
    private static void appendEvent(DuckDBAppender a, Event e, long seq) throws SQLException {
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
    }

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
}
