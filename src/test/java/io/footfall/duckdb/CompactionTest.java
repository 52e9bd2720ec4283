package io.footfall.duckdb;

import io.footfall.bench.ServerProcess;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.store.duckdb.DuckDbCompaction;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./footfall compact}: a store whose website was reset (its rows deleted, the file as large as before) is
 * rewritten into a smaller file with every table's rows, and a server started on it answers as before; while a
 * server holds the store, compaction refuses and leaves it as it was. The copy is written with the server's storage
 * settings (no bit-packing: it slows scans).
 */
class CompactionTest {
    static final String RANGE = TestServer.range("2026-03-01T00:00:00Z", "2026-03-09T23:59:59Z");
    static final String[] ROUTES = {"stats?", "metrics?type=path&", "metrics?type=title&", "metrics/expanded?type=path&",
            "pageviews?unit=day&timezone=UTC&", "sessions?pageSize=5&"};

    static CollectedHit hit(UUID website, UUID session, UUID visit, Instant at, String path) {
        var attrs = new Event.SessionAttributes("chrome", "Windows 10", "desktop", "1920x1080", "en-US", "DE", null, null, null);
        var campaign = new Event.Campaign(null, null, null, null, null, null, null, null, null, null, null);
        Event e = new Event(UUID.randomUUID(), website, session, visit, at, 1, null,
                new Event.Page("example.com", path, "", "Title " + path, null),
                new Event.Referrer(null, null, null), campaign, attrs, Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), website, session, null, at, List.of());
    }

    /** {@code visits} visits of three views each on {@code website}, in batches of 1,000 hits, then folded. */
    static void send(TestServer server, UUID website, int visits, long seed) {
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        List<CollectedHit> batch = new ArrayList<>();
        for (int v = 0; v < visits; v++) {
            UUID session = UUID.randomUUID(), visit = UUID.randomUUID();
            Instant at = start.plusSeconds(random.nextInt(8 * 86_400));
            for (int i = 0; i < 3; i++) {
                batch.add(hit(website, session, visit, at.plusSeconds(40L * i), "/p" + random.nextInt(50)));
            }
            if (batch.size() >= 1000) {
                server.append(batch.toArray(CollectedHit[]::new));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) server.append(batch.toArray(CollectedHit[]::new));
        server.fold();
    }

    static Map<String, String> answers(TestServer server, String site) {
        Map<String, String> out = new TreeMap<>();
        for (String route : ROUTES) out.put(route, server.websiteJson(site, route + RANGE).toString());
        return out;
    }

    static Map<String, Long> counts(Path file) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE NOT internal")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    rs.next();
                    rows.put("main." + t, rs.getLong(1));
                }
            }
        }
        return rows;
    }

    static List<String> compressions(Path file, String table, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT compression FROM pragma_storage_info('" + table + "') WHERE column_name = '"
                     + column + "' AND segment_type <> 'VALIDITY'")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    @Test
    void aResetStoreIsRewrittenSmallWithEveryRowAndAnswersTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("footfall.duckdb");
        String kept;
        Map<String, String> before;
        try (TestServer server = TestServer.start(dir, Map.of())) {
            kept = server.createWebsite("Kept", "example.com");
            String reset = server.createWebsite("Reset", "example.com");
            send(server, UUID.fromString(kept), 2_000, 1);
            send(server, UUID.fromString(reset), 40_000, 2);
            assertThat(server.http().post("/api/websites/" + reset + "/reset", null, server.adminToken()).status()).isEqualTo(200);
            // a pending tail too: the compacted store must keep it pending (rollup_state and ingest_seq copied)
            server.append(hit(UUID.fromString(kept), UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-03-05T12:00:00Z"), "/tail"));
            before = answers(server, kept);
        }
        Map<String, Long> rows = counts(file);
        assertThat(rows.get("main.event")).isEqualTo(6_001);
        // bit-packing stays off (it slows every scan): the server's blocks and the copy's are written alike
        assertThat(compressions(file, "event", "created_at")).doesNotContain("BitPacking").isNotEmpty();
        long size = Files.size(file);

        DuckDbCompaction.Result result = DuckDbCompaction.compact(file, "256MB", 1);

        assertThat(result.rows()).isEqualTo(rows);
        assertThat(result.bytesBefore()).isEqualTo(size);
        assertThat(Files.size(file)).isEqualTo(result.bytesAfter()).isLessThan(size / 2);
        assertThat(counts(file)).isEqualTo(rows);
        assertThat(compressions(file, "event", "created_at")).doesNotContain("BitPacking").isNotEmpty();
        assertThat(dir.resolve("footfall.duckdb.bak")).doesNotExist();
        assertThat(dir.resolve("footfall.duckdb.compact")).doesNotExist();
        try (TestServer server = TestServer.start(dir, Map.of())) {
            assertThat(answers(server, kept)).isEqualTo(before);
            assertThat(server.websiteJson(kept, "metrics?type=path&" + RANGE).toString()).contains("\"x\":\"/tail\",\"y\":1");
            server.fold(); // the tail folds into the copied rollups
            assertThat(answers(server, kept)).isEqualTo(before);
        }
    }

    /** The server in a process of its own, as {@code ./footfall serve}: DuckDB's file lock is per process. */
    @Test
    void aRunningServersStoreIsLeftAsItWas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("footfall.duckdb");
        try (TestServer server = TestServer.start(dir, Map.of())) {
            send(server, UUID.fromString(server.createWebsite("Running", "example.com")), 100, 3);
        }
        Map<String, Long> rows = counts(file);
        try (ServerProcess running = ServerProcess.start(dir, List.of("-Xmx256m"))) {
            assertThat(running.port()).isPositive();
            assertThatThrownBy(() -> DuckDbCompaction.compact(file, "256MB", 1)).hasMessageContaining("stop the server first");
            assertThat(dir.resolve("footfall.duckdb.bak")).doesNotExist();
            assertThat(dir.resolve("footfall.duckdb.compact")).doesNotExist();
        }
        assertThat(counts(file)).isEqualTo(rows);
    }
}
