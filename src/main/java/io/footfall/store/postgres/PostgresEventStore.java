package io.footfall.store.postgres;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.Event;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.SqlWork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events in PostgreSQL: raw rows, each batch streamed in with binary COPY inside one transaction, with the
 * accelerator's rollup rows for the batch ({@link PostgresRollups}, passed in), so a batch is all-or-nothing and durable on commit.
 * It sits behind the same write-ahead log as DuckDB, which acknowledges hits and re-ships them after a crash
 * ({@link #deleteEvents} then append).
 */
public final class PostgresEventStore implements EventStore {
    static final String EVENT_COLUMNS = "event_id, website_id, session_id, visit_id, created_at, event_type, event_name, "
            + "hostname, url_path, url_query, page_title, tag, referrer_domain, referrer_path, referrer_query, "
            + "utm_source, utm_medium, utm_campaign, utm_content, utm_term, gclid, fbclid, msclkid, ttclid, li_fat_id, twclid, "
            + "browser, os, device, screen, language, country, region, city, distinct_id, lcp, inp, cls, fcp, ttfb";
    static final String EVENT_DATA_COLUMNS = "website_id, event_id, data_key, string_value, number_value, date_value, data_type, "
            + "created_at, event_type, event_name, data_index";
    static final String SESSION_DATA_COLUMNS = "website_id, session_id, data_key, string_value, number_value, date_value, data_type, "
            + "distinct_id, created_at";

    private final PostgresConnections db;
    private final PostgresRollups rollups;
    private final Dialect dialect = new PostgresDialect();

    public PostgresEventStore(PostgresConnections db, PostgresRollups rollups) {
        this.db = db;
        this.rollups = rollups;
    }

    @Override
    public void append(List<CollectedHit> hits) throws SQLException {
        if (hits.isEmpty()) return;
        db.write(c -> {
            boolean anyEvent = false;
            boolean anyFlagged = false;
            boolean anyEventData = false;
            for (CollectedHit hit : hits) {
                anyEvent |= hit.ordinaryEvent();
                anyFlagged |= hit.flagged();
                anyEventData |= hit.ordinaryEvent() && !hit.eventData().isEmpty();
            }
            if (anyEvent) copyEvents(c, hits, false);
            if (anyFlagged) copyEvents(c, hits, true);
            if (anyEventData) copyEventData(c, hits);
            if (anyEvent) rollups.add(c, hits);
            Collection<SessionDataRow> sessionData = latestSessionData(hits);
            if (!sessionData.isEmpty()) replaceSessionData(c, sessionData);
            return null;
        });
    }

    /** The ordinary events into event, or the flagged ones into flagged_event with their flag. */
    private static void copyEvents(Connection c, List<CollectedHit> hits, boolean flagged) throws SQLException {
        BinaryCopyRows rows = flagged ? BinaryCopyRows.into(c, "flagged_event", EVENT_COLUMNS + ", flag")
                : BinaryCopyRows.into(c, "event", EVENT_COLUMNS);
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (e == null || hit.flagged() != flagged) continue;
            rows.row().uuid(e.eventId()).uuid(e.websiteId()).uuid(e.sessionId()).uuid(e.visitId()).time(e.createdAt())
                    .int2(e.eventType()).text(e.eventName());
            Event.Page p = e.page();
            rows.text(p.hostname()).text(p.urlPath()).text(p.urlQuery()).text(p.pageTitle()).text(p.tag());
            Event.Referrer r = e.referrer();
            rows.text(r.domain()).text(r.path()).text(r.query());
            Event.Campaign m = e.campaign();
            rows.text(m.utmSource()).text(m.utmMedium()).text(m.utmCampaign()).text(m.utmContent()).text(m.utmTerm())
                    .text(m.gclid()).text(m.fbclid()).text(m.msclkid()).text(m.ttclid()).text(m.liFatId()).text(m.twclid());
            Event.SessionAttributes s = e.session();
            rows.text(s.browser()).text(s.os()).text(s.device()).text(s.screen()).text(s.language()).text(s.country())
                    .text(s.region()).text(s.city()).text(s.distinctId());
            Event.WebVitals v = e.vitals();
            rows.float8(v.lcp()).float8(v.inp()).float8(v.cls()).float8(v.fcp()).float8(v.ttfb());
            if (flagged) rows.text(hit.flag().sql());
            rows.endRow();
        }
        rows.finish();
    }

    /** Event data rows carry their event's type and name and are numbered within the event (0 first), as on DuckDB. */
    private static void copyEventData(Connection c, List<CollectedHit> hits) throws SQLException {
        BinaryCopyRows rows = BinaryCopyRows.into(c, "event_data", EVENT_DATA_COLUMNS);
        for (CollectedHit hit : hits) {
            Event e = hit.event();
            if (!hit.ordinaryEvent()) continue;
            int index = 0;
            for (DataField f : hit.eventData()) {
                rows.row().uuid(hit.websiteId()).uuid(e.eventId());
                field(rows, f);
                rows.time(hit.createdAt()).int2(e.eventType()).text(e.eventName()).int2(index++);
                rows.endRow();
            }
        }
        rows.finish();
    }

    private static void field(BinaryCopyRows rows, DataField f) {
        rows.text(f.key()).text(f.stringValue()).numeric(f.numberValue()).time(f.dateValue()).int2(f.dataType());
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

    /** Session data is a key/value map per session: a new value for a key replaces the old one. */
    private static void replaceSessionData(Connection c, Collection<SessionDataRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_data WHERE website_id = ? AND session_id = ? AND data_key = ?")) {
            for (SessionDataRow row : rows) {
                ps.setObject(1, row.hit().websiteId());
                ps.setObject(2, row.hit().sessionId());
                ps.setString(3, row.field().key());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        BinaryCopyRows copy = BinaryCopyRows.into(c, "session_data", SESSION_DATA_COLUMNS);
        for (SessionDataRow row : rows) {
            CollectedHit hit = row.hit();
            copy.row().uuid(hit.websiteId()).uuid(hit.sessionId());
            field(copy, row.field());
            copy.text(hit.distinctId()).time(hit.createdAt());
            copy.endRow();
        }
        copy.finish();
    }

    /** One statement per table for all ids (a re-ship after a crash: rare, so a scan is fine; see docs/operations.md). */
    @Override
    public void deleteEvents(Collection<UUID> eventIds) throws SQLException {
        if (eventIds.isEmpty()) return;
        UUID[] ids = eventIds.toArray(UUID[]::new);
        db.write(c -> {
            var array = c.createArrayOf("uuid", ids);
            rollups.withoutEvents(c, array);
            for (String table : List.of("event", "event_data", "flagged_event")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE event_id = ANY (?)")) {
                    ps.setArray(1, array);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void deleteWebsiteData(UUID websiteId) throws SQLException {
        db.write(c -> {
            for (String table : java.util.stream.Stream.concat(java.util.stream.Stream.of("event", "event_data", "session_data", "flagged_event"),
                    rollups.tables().stream()).toList()) {
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
