package io.footfall.store.wal;

import io.footfall.accelerate.duckdb.RollupKeeper;
import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.DataType;
import io.footfall.event.Event;
import io.footfall.store.Migrations;
import io.footfall.store.duckdb.DuckDbConnections;
import io.footfall.store.duckdb.DuckDbEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The write-ahead log on a real DuckDB file: durability, exact recovery, no doubles, no resurrection. */
class WriteAheadEventStoreTest {
    Path dir;
    DuckDbConnections db;
    DuckDbEventStore duck;
    final UUID website = UUID.randomUUID();

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("footfall-wal");
        db = DuckDbConnections.open(dir.resolve("f.duckdb"), 2);
        Migrations.apply(db, "duckdb");
        duck = DuckDbEventStore.open(db, new RollupKeeper());
    }

    @AfterEach
    void close() {
        db.close();
    }

    CollectedHit hit(int i) {
        UUID session = UUID.nameUUIDFromBytes(("s" + i % 5).getBytes());
        Instant at = Instant.parse("2026-11-01T10:00:00.123456Z").plusSeconds(i);
        Event e = new Event(UUID.randomUUID(), website, session, UUID.randomUUID(), at, i % 3 == 0 ? 2 : 1, i % 3 == 0 ? "click" : null,
                new Event.Page("example.com", "/p/" + i, "a=1", "Title " + i, "t"),
                new Event.Referrer("google.com", "/search", null),
                new Event.Campaign("news", "email", null, null, null, "g", null, null, null, null, null),
                new Event.SessionAttributes("chrome", "Mac OS", "laptop", "1440x900", "en-US", "DE", "DE-BE", "Berlin", null),
                new Event.WebVitals(i * 1.5, null, 0.01, null, 12.0));
        List<DataField> data = List.of(new DataField("price", DataType.NUMBER, "9.9900", new BigDecimal("9.9900"), null),
                new DataField("when", DataType.DATE, "2026-11-01T10:00:00.000Z", null, Instant.parse("2026-11-01T10:00:00Z")));
        return new CollectedHit(e, data, website, session, null, at,
                List.of(new DataField("plan", DataType.STRING, "pro" + i, null, null)));
    }

    long count(String table) throws Exception {
        return duck.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    List<CollectedHit> hits(int n) {
        List<CollectedHit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(hit(i));
        return out;
    }

    /** A hit whose number does not fit DECIMAL(19,4): its batch fails on every try. */
    CollectedHit poison(int i) {
        CollectedHit h = hit(i);
        return new CollectedHit(h.event(), List.of(new DataField("price", DataType.NUMBER, "1E+16", new BigDecimal("1E+16"), null)),
                h.websiteId(), h.sessionId(), h.distinctId(), h.createdAt(), h.sessionData());
    }

    /** A batch that fails deterministically is neither retried forever nor stored twice: its poison hit is dropped, the rest stored once. */
    @Test
    void aPoisonHitIsDroppedAndTheRestOfItsBatchStoredOnce() throws Exception {
        for (int first : new int[] {0, 3}) {
            duck.deleteWebsiteData(website);
            WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log" + first));
            List<CollectedHit> batch = hits(8);
            batch.set(first, poison(first));
            wal.append(batch);
            wal.append(hits(2)); // same batch in the log, later hits behind the poison one
            wal.close();
            assertThat(count("event")).isEqualTo(9);
            assertThat(count("(SELECT DISTINCT event_id FROM event)")).isEqualTo(9);
            assertThat(count("(SELECT event_id FROM event WHERE event_id = '" + batch.get(first).event().eventId() + "')")).isZero();
            assertThat(count("event_data")).isEqualTo(18);
        }
    }

    @Test
    void codecRoundTripsEveryField() throws Exception {
        CollectedHit h = hit(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HitCodec.write(new DataOutputStream(bytes), h);
        CollectedHit back = HitCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back).isEqualTo(h);
        CollectedHit identify = new CollectedHit(null, List.of(), website, UUID.randomUUID(), "user-1", Instant.now(), h.sessionData());
        bytes.reset();
        HitCodec.write(new DataOutputStream(bytes), identify);
        assertThat(HitCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))).isEqualTo(identify);
    }

    /** Hit {@code i} as TinyTrail keeps a bot or excluded hit: the event row alone, flagged. */
    CollectedHit flagged(int i, CollectedHit.Flag flag) {
        CollectedHit h = hit(i);
        return new CollectedHit(h.event(), List.of(), website, h.sessionId(), null, h.createdAt(), List.of(), flag);
    }

    /** 6 ordinary hits (2 of them custom events), 3 bots, 2 excluded, interleaved in one batch. */
    List<CollectedHit> mixed() {
        List<CollectedHit> out = new ArrayList<>(hits(6));
        out.add(1, flagged(10, CollectedHit.Flag.BOT));
        out.add(3, flagged(11, CollectedHit.Flag.EXCLUDED));
        out.add(flagged(13, CollectedHit.Flag.BOT));
        out.add(flagged(14, CollectedHit.Flag.BOT));
        out.add(flagged(16, CollectedHit.Flag.EXCLUDED));
        return out;
    }

    @Test
    void codecRoundTripsAFlaggedHit() throws Exception {
        for (CollectedHit.Flag flag : CollectedHit.Flag.values()) {
            CollectedHit h = flagged(4, flag);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            HitCodec.write(new DataOutputStream(bytes), h);
            assertThat(HitCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))).isEqualTo(h);
        }
    }

    /** Flagged hits land in flagged_event only, survive a crash once, stay out of the rollups, and go with a reset. */
    @Test
    void flaggedHitsAreKeptApartThroughACrashAndAReset() throws Exception {
        List<CollectedHit> batch = mixed();
        HitLog.Opened crashed = HitLog.open(dir.resolve("log"));
        crashed.log().append(batch);
        crashed.log().close();
        duck.append(batch.subList(0, 7)); // part reached the store, no checkpoint written
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"));
        assertThat(count("event")).isEqualTo(6);
        assertThat(count("event_data")).isEqualTo(12);
        assertThat(count("session_data")).isEqualTo(5);
        assertThat(count("(SELECT * FROM flagged_event WHERE flag = 'bot')")).isEqualTo(3);
        assertThat(count("(SELECT * FROM flagged_event WHERE flag = 'excluded')")).isEqualTo(2);
        assertThat(count("bot_event")).isEqualTo(3);
        assertThat(count("(SELECT DISTINCT event_id FROM flagged_event)")).isEqualTo(5);
        assertThat(count("(SELECT * FROM flagged_event WHERE url_path IN ('/p/10', '/p/13', '/p/14') AND flag = 'bot' AND ingest_seq = 0)"))
                .isEqualTo(3);
        wal.foldPending();
        long views = duck.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT coalesce(sum(views), 0) FROM visit")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(views).isEqualTo(4); // hits 1, 2, 4, 5: the rollups fold event only
        wal.deleteWebsiteData(website);
        assertThat(count("flagged_event") + count("event")).isZero();
        wal.close();
    }

    @Test
    void appendedHitsAreReadableAndShippedOnClose() throws Exception {
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"));
        wal.append(hits(10));
        wal.append(hits(5));
        // the read barrier makes acknowledged hits visible at once
        long visible = wal.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM event")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(visible).isEqualTo(15);
        wal.close();
        assertThat(count("event_data")).isEqualTo(30);
        // the session data map holds the newest value per key: 5 sessions
        assertThat(count("session_data")).isEqualTo(5);
    }

    /**
     * A store that is slow but not failing (its writer busy with a long write, as behind a fold) delays a read past
     * the barrier's timeout instead of turning it into a 503: the read waits and counts the hit.
     */
    @Test
    void aSlowStoreDelaysReadsPastTheBarrierTimeoutWithoutFailingThem() throws Exception {
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"), HitLog.SEGMENT_BYTES, 1000, 200);
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        Thread longWrite = Thread.ofPlatform().start(() -> {
            try {
                db.write(c -> {
                    busy.countDown();
                    try {
                        Thread.sleep(1_500); // holds the store's one writer: shipping waits, nothing fails
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        busy.await();
        wal.append(hits(3));
        long started = System.nanoTime();
        long visible = wal.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM event")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(visible).isEqualTo(3);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("waited past the 200 ms timeout")
                .isGreaterThan(java.time.Duration.ofMillis(200));
        longWrite.join();
        wal.close();
    }

    /** A route's read passes one barrier before its first statement: all its statements, on any thread, see what came before. */
    @Test
    void everyStatementOfAReadTogetherSeesWhatWasAppendedBeforeIt() throws Exception {
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"));
        try {
            wal.append(hits(10));
            io.footfall.store.SqlWork<Long> events = c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM event")) {
                    rs.next();
                    return rs.getLong(1);
                }
            };
            List<Long> seen = wal.readTogether(() -> {
                long first = wal.read(events);
                var both = io.footfall.query.Parallel.both(() -> wal.read(events), () -> wal.read(events));
                return List.of(first, both.first(), both.second());
            });
            assertThat(seen).containsExactly(10L, 10L, 10L);
            wal.append(hits(5));
            assertThat(wal.read(events)).isEqualTo(15); // a read outside one still passes its own barrier
        } finally {
            wal.close();
        }
    }

    @Test
    void hitsLeftInTheLogByACrashAreShippedAtStart() throws Exception {
        HitLog.Opened crashed = HitLog.open(dir.resolve("log"));
        crashed.log().append(hits(20)); // fsync'ed, never shipped: then the process "dies"
        crashed.log().close();
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"));
        assertThat(count("event")).isEqualTo(20);
        assertThat(count("event_data")).isEqualTo(40);
        wal.close();
    }

    @Test
    void hitsShippedButNotCheckpointedAreNotDoubled() throws Exception {
        List<CollectedHit> batch = hits(12);
        HitLog.Opened crashed = HitLog.open(dir.resolve("log"));
        crashed.log().append(batch);
        crashed.log().close();
        duck.append(batch); // reached the store, but the checkpoint was never written
        duck.foldPending();
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"));
        assertThat(count("event")).isEqualTo(12);
        assertThat(count("event_data")).isEqualTo(24);
        // the per-visit rollup counts every view once, too
        wal.foldPending();
        long views = duck.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT coalesce(sum(views), 0) FROM visit")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(views).isEqualTo(8); // 12 hits, every third a custom event
        wal.close();
    }

    @Test
    void shippedHitsRemovedByAResetDoNotComeBack() throws Exception {
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"));
        wal.append(hits(8));
        wal.deleteWebsiteData(website); // ships first, then deletes
        assertThat(count("event")).isZero();
        wal.close();
        WriteAheadEventStore again = WriteAheadEventStore.open(duck, dir.resolve("log"));
        assertThat(count("event")).isZero();
        again.close();
    }

    @Test
    void aTornTailIsIgnoredAndEverythingBeforeItRecovered() throws Exception {
        HitLog.Opened crashed = HitLog.open(dir.resolve("log"));
        crashed.log().append(hits(6));
        crashed.log().close();
        Path segment;
        try (var files = Files.list(dir.resolve("log"))) {
            segment = files.filter(p -> p.toString().endsWith(".hits")).filter(p -> p.toFile().length() > 0).findFirst().orElseThrow();
        }
        Files.write(segment, new byte[]{0, 0, 1, 0, 42, 42, 42}, StandardOpenOption.APPEND); // half a record
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"));
        assertThat(count("event")).isEqualTo(6);
        wal.append(hits(2));
        wal.close();
        assertThat(count("event")).isEqualTo(8);
    }

    long logBytes() throws Exception {
        try (var files = Files.list(dir.resolve("log"))) {
            return files.filter(p -> p.toString().endsWith(".hits")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static int recordBytes(CollectedHit h) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HitCodec.write(new DataOutputStream(bytes), h);
        return 16 + bytes.size(); // length, checksum and sequence number before the hit
    }

    @Test
    void logStaysBoundedWhileAppendsNeverPause() throws Exception {
        long segmentBytes = 64 * 1024;
        int maxUnshipped = 400, batchSize = 50, batches = 200;
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"), segmentBytes, maxUnshipped);
        int largestRecord = 0;
        long written = 0, largestLog = 0;
        for (int b = 0; b < batches; b++) {
            List<CollectedHit> batch = new ArrayList<>();
            for (int i = 0; i < batchSize; i++) batch.add(hit(b * batchSize + i));
            for (CollectedHit h : batch) {
                int bytes = recordBytes(h);
                largestRecord = Math.max(largestRecord, bytes);
                written += bytes;
            }
            wal.append(batch); // no pause between appends, no read barrier: shipping runs alongside
            largestLog = Math.max(largestLog, logBytes());
        }
        // On disk at any moment: the unshipped hits (at most the backlog bound plus the batch just
        // written), and the shipped head of the oldest segment, itself at most a segment plus a batch.
        long bound = segmentBytes + (long) (maxUnshipped + 2 * batchSize) * largestRecord;
        assertThat(written).isGreaterThan(10 * bound); // the old log kept all of this until traffic paused
        assertThat(largestLog).isLessThanOrEqualTo(bound);
        long visible = wal.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM event")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(visible).isEqualTo((long) batchSize * batches);
        wal.close();
        assertThat(count("event")).isEqualTo((long) batchSize * batches);
        assertThat(count("event_data")).isEqualTo(2L * batchSize * batches);
    }

    @Test
    void hitsLeftInSeveralSegmentsAreShippedAtStart() throws Exception {
        HitLog.Opened crashed = HitLog.open(dir.resolve("log"), 4 * 1024);
        for (int b = 0; b < 10; b++) crashed.log().append(hits(10)); // fsync'ed, rotated, never shipped
        crashed.log().close();
        try (var files = Files.list(dir.resolve("log"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".hits")).count()).isGreaterThan(3);
        }
        WriteAheadEventStore wal = WriteAheadEventStore.open(duck, dir.resolve("log"), 4 * 1024, 1000);
        assertThat(count("event")).isEqualTo(100);
        wal.close();
        assertThat(count("event")).isEqualTo(100);
    }
}
