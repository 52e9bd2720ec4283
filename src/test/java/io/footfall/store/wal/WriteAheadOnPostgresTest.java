package io.footfall.store.wal;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.DataType;
import io.footfall.event.Event;
import io.footfall.store.Migrations;
import io.footfall.store.postgres.PostgresConnections;
import io.footfall.store.postgres.PostgresEventStore;
import io.footfall.store.postgres.PostgresUrl;
import io.footfall.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL's event store behind the write-ahead log: exact rows via COPY, crash re-ship without doubles, resets. */
class WriteAheadOnPostgresTest {
    static PostgresConnections db;
    static PostgresEventStore store;
    Path dir;
    final UUID website = UUID.randomUUID();

    @BeforeAll
    static void connect() throws Exception {
        db = PostgresConnections.open(PostgresUrl.parse(PostgresTestDatabase.fresh()), 4);
        Migrations.apply(db, "postgresql");
        store = new PostgresEventStore(db, new io.footfall.accelerate.postgres.PostgresRollupKeeper());
    }

    @AfterAll
    static void disconnect() {
        db.close();
    }

    @BeforeEach
    void logDir() throws Exception {
        dir = Files.createTempDirectory("footfall-wal-pg");
    }

    CollectedHit hit(int i) {
        UUID session = UUID.nameUUIDFromBytes((website + "s" + i % 5).getBytes());
        Instant at = Instant.parse("2026-11-01T10:00:00.123456789Z").plusSeconds(i);
        Event e = new Event(UUID.randomUUID(), website, session, UUID.nameUUIDFromBytes((website + "v" + i % 5).getBytes()), at,
                i % 3 == 0 ? 2 : 1, i % 3 == 0 ? "click \"buy\", now" : null,
                new Event.Page("example.com", "/p/" + i, i == 1 ? "" : "a=1,b=\"2\"\nc", "Title " + i, null),
                new Event.Referrer("google.com", "/search", null),
                new Event.Campaign("news", "email", null, null, null, "g", null, null, null, null, null),
                new Event.SessionAttributes("chrome", "Mac OS", "laptop", "1440x900", "en-US", "DE", "DE-BE", "Berlin", null),
                new Event.WebVitals(i * 1.5, null, 0.01, null, 12.0));
        List<DataField> data = List.of(new DataField("price", DataType.NUMBER, "9.9900", new BigDecimal("9.9900"), null),
                new DataField("when", DataType.DATE, "2026-11-01T10:00:00.000Z", null, Instant.parse("2026-11-01T10:00:00Z")));
        return new CollectedHit(e, data, website, session, null, at,
                List.of(new DataField("plan", DataType.STRING, "pro" + i, null, null)));
    }

    List<CollectedHit> hits(int n) {
        List<CollectedHit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(hit(i));
        return out;
    }

    long count(String table) throws Exception {
        return store.read(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE website_id = ?")) {
                ps.setObject(1, website);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    List<Map<String, Object>> rows(String sql) throws Exception {
        return store.read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setObject(1, website);
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<Map<String, Object>> out = new ArrayList<>();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
                        out.add(row);
                    }
                    return out;
                }
            }
        });
    }

    /** A hit whose number does not fit numeric(19,4): its batch fails on every try. */
    CollectedHit poison(int i) {
        CollectedHit h = hit(i);
        return new CollectedHit(h.event(), List.of(new DataField("price", DataType.NUMBER, "1E+16", new BigDecimal("1E+16"), null)),
                h.websiteId(), h.sessionId(), h.distinctId(), h.createdAt(), h.sessionData());
    }

    /** COPY of events, event data and session data runs in one transaction: a batch that fails leaves no row. */
    @Test
    void aFailingBatchLeavesNoRowsAndARetryStoresEachEventOnce() throws Exception {
        List<CollectedHit> batch = hits(6);
        batch.set(5, poison(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.append(batch)).isInstanceOf(java.sql.SQLException.class);
        assertThat(count("event")).isZero();
        assertThat(count("event_data")).isZero();
        assertThat(count("session_data")).isZero();
        store.append(batch.subList(0, 5));
        assertThat(count("event")).isEqualTo(5);
        assertThat(count("(SELECT DISTINCT website_id, event_id FROM event) e")).isEqualTo(5);
        assertThat(count("event_data")).isEqualTo(10);
    }

    @Test
    void aPoisonHitBehindTheLogIsDroppedAndTheRestStoredOnce() throws Exception {
        WriteAheadEventStore wal = WriteAheadEventStore.open(store, dir);
        List<CollectedHit> batch = hits(8);
        batch.set(0, poison(0));
        wal.append(batch);
        wal.close();
        assertThat(count("event")).isEqualTo(7);
        assertThat(count("(SELECT DISTINCT website_id, event_id FROM event) e")).isEqualTo(7);
    }

    @Test
    void everyColumnArrivesAsSent() throws Exception {
        WriteAheadEventStore wal = WriteAheadEventStore.open(store, dir);
        List<CollectedHit> sent = hits(4);
        wal.append(sent);
        wal.close();
        var events = rows("SELECT * FROM event WHERE website_id = ? ORDER BY created_at");
        assertThat(events).hasSize(4);
        var first = events.getFirst();
        Event e = sent.getFirst().event();
        assertThat(first).containsEntry("event_id", e.eventId()).containsEntry("session_id", e.sessionId())
                .containsEntry("visit_id", e.visitId())
                .containsEntry("created_at", Timestamp.valueOf("2026-11-01 10:00:00.123456"))  // UTC wall time, microseconds
                .containsEntry("event_type", 2).containsEntry("event_name", "click \"buy\", now")
                .containsEntry("hostname", "example.com").containsEntry("url_path", "/p/0").containsEntry("url_query", "a=1,b=\"2\"\nc")
                .containsEntry("page_title", "Title 0").containsEntry("tag", null)
                .containsEntry("referrer_domain", "google.com").containsEntry("referrer_path", "/search").containsEntry("referrer_query", null)
                .containsEntry("utm_source", "news").containsEntry("utm_medium", "email").containsEntry("utm_campaign", null)
                .containsEntry("gclid", "g").containsEntry("browser", "chrome").containsEntry("os", "Mac OS").containsEntry("device", "laptop")
                .containsEntry("screen", "1440x900").containsEntry("language", "en-US").containsEntry("country", "DE")
                .containsEntry("region", "DE-BE").containsEntry("city", "Berlin").containsEntry("distinct_id", null)
                .containsEntry("lcp", 0.0).containsEntry("inp", null).containsEntry("cls", 0.01).containsEntry("ttfb", 12.0);
        // empty text stays empty (not NULL): Umami's query=neq.x keeps URLs without a query
        assertThat(events.get(1)).containsEntry("url_query", "").containsEntry("event_name", null).containsEntry("lcp", 1.5);

        var data = rows("SELECT data_key, string_value, number_value, date_value, data_type, event_type, event_name, data_index "
                + "FROM event_data WHERE website_id = ? AND event_id = '" + e.eventId() + "' ORDER BY data_index");
        assertThat(data).containsExactly(
                row("price", "9.9900", new BigDecimal("9.9900"), null, 2, 2, "click \"buy\", now", 0),
                row("when", "2026-11-01T10:00:00.000Z", null, Timestamp.valueOf("2026-11-01 10:00:00"), 4, 2, "click \"buy\", now", 1));

        // the session data map keeps the newest value per key: sessions 0..3 of five, hit 4 never sent
        var sessionData = rows("SELECT session_id, data_key, string_value, data_type FROM session_data WHERE website_id = ? ORDER BY string_value");
        assertThat(sessionData).extracting(r -> r.get("string_value")).containsExactly("pro0", "pro1", "pro2", "pro3");
        WriteAheadEventStore again = WriteAheadEventStore.open(store, dir);
        again.append(List.of(hit(5))); // session of hit 0, newer value
        again.close(); // ships it
        assertThat(rows("SELECT string_value FROM session_data WHERE website_id = ? ORDER BY string_value"))
                .extracting(r -> r.get("string_value")).containsExactly("pro1", "pro2", "pro3", "pro5");
    }

    static Map<String, Object> row(Object... values) {
        String[] names = {"data_key", "string_value", "number_value", "date_value", "data_type", "event_type", "event_name", "data_index"};
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) m.put(names[i], values[i]);
        return m;
    }

    /** Hit {@code i} as TinyTrail keeps a bot or excluded hit: the event row alone, flagged. */
    CollectedHit flagged(int i, CollectedHit.Flag flag) {
        CollectedHit h = hit(i);
        return new CollectedHit(h.event(), List.of(), website, h.sessionId(), null, h.createdAt(), List.of(), flag);
    }

    /** Flagged hits land in flagged_event only (every column as sent, plus the flag), survive a crash once, and go with a reset. */
    @Test
    void flaggedHitsAreKeptApartThroughACrashAndAReset() throws Exception {
        List<CollectedHit> batch = new ArrayList<>(hits(6));
        batch.add(1, flagged(10, CollectedHit.Flag.BOT));
        batch.add(3, flagged(11, CollectedHit.Flag.EXCLUDED));
        batch.add(flagged(13, CollectedHit.Flag.BOT));
        HitLog.Opened crashed = HitLog.open(dir);
        crashed.log().append(batch);
        crashed.log().close();
        store.append(batch.subList(0, 5)); // part reached the store, no checkpoint written
        WriteAheadEventStore wal = WriteAheadEventStore.open(store, dir);
        assertThat(count("event")).isEqualTo(6);
        assertThat(count("event_data")).isEqualTo(12);
        assertThat(count("bot_event")).isEqualTo(2);
        var flaggedRows = rows("SELECT url_path, flag, event_type, event_name, browser, created_at FROM flagged_event WHERE website_id = ? ORDER BY url_path");
        assertThat(flaggedRows).extracting(r -> r.get("url_path") + " " + r.get("flag") + " " + r.get("event_type") + " " + r.get("event_name")
                + " " + r.get("browser") + " " + r.get("created_at"))
                .containsExactly("/p/10 bot 1 null chrome 2026-11-01 10:00:10.123456",
                        "/p/11 excluded 1 null chrome 2026-11-01 10:00:11.123456",
                        "/p/13 bot 1 null chrome 2026-11-01 10:00:13.123456");
        wal.deleteWebsiteData(website);
        assertThat(count("flagged_event") + count("event")).isZero();
        wal.close();
    }

    @Test
    void hitsLeftInTheLogByACrashAreShippedAtStart() throws Exception {
        HitLog.Opened crashed = HitLog.open(dir);
        crashed.log().append(hits(20)); // fsync'ed, never shipped: then the process "dies"
        crashed.log().close();
        WriteAheadEventStore wal = WriteAheadEventStore.open(store, dir);
        assertThat(count("event")).isEqualTo(20);
        assertThat(count("event_data")).isEqualTo(40);
        wal.close();
    }

    @Test
    void hitsShippedButNotCheckpointedAreNotDoubled() throws Exception {
        List<CollectedHit> batch = hits(12);
        HitLog.Opened crashed = HitLog.open(dir);
        crashed.log().append(batch);
        crashed.log().close();
        store.append(batch); // reached the store, but the checkpoint was never written
        WriteAheadEventStore wal = WriteAheadEventStore.open(store, dir);
        assertThat(count("event")).isEqualTo(12);
        assertThat(count("event_data")).isEqualTo(24);
        assertThat(count("session_data")).isEqualTo(5);
        wal.close();
    }

    @Test
    void shippedHitsRemovedByAResetDoNotComeBack() throws Exception {
        WriteAheadEventStore wal = WriteAheadEventStore.open(store, dir);
        wal.append(hits(8));
        wal.deleteWebsiteData(website); // ships first, then deletes
        assertThat(count("event") + count("event_data") + count("session_data")).isZero();
        wal.close();
        WriteAheadEventStore again = WriteAheadEventStore.open(store, dir);
        assertThat(count("event")).isZero();
        again.close();
    }
}
