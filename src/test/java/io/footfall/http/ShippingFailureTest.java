package io.footfall.http;

import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the database fails to take hits from the ingest log (here: DuckDB rejects every append, its event table being
 * away; out of memory did that too, but not on every run), collect still answers 200 for
 * every hit it made durable in the log, a read that would miss them answers 503 with Retry-After within the read
 * barrier's timeout instead of hanging, and once the database takes hits again every acknowledged hit is counted.
 */
class ShippingFailureTest {
    static final int BULK = 1000;
    static final String RANGE = TestServer.range("2026-03-01T00:00:00Z", "2026-05-31T23:59:59Z");

    @Test
    void readsAnswer503WhileShippingFailsAndCountEveryHitAfter() throws Exception {
        try (TestServer server = TestServer.start(Map.of("READ_BARRIER_TIMEOUT_SECONDS", "2"))) {
            String site = server.createWebsite("Failing store", "example.com");
            warmUp(server);
            for (int i = 0; i < 20; i++) send(server, site, "v" + i % 4, "2026-05-02T10:" + String.format("%02d", i) + ":00", "/before/" + i % 3);
            // (on a loaded machine the first ship may take longer than the short timeout set here)
            assertThat(awaitAnswer(server, "/api/websites/" + site + "/stats?" + RANGE).json().get("pageviews").asLong()).isEqualTo(20);

            parkEventTable(server, true);
            try {
                // A batch as the ingest queue writes it under load, and single hits through collect.
                java.util.UUID w = java.util.UUID.fromString(site);
                var bulk = new java.util.ArrayList<io.footfall.event.CollectedHit>();
                for (int i = 0; i < BULK; i++) {
                    bulk.add(ExpandedRollupTest.hit(w, java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
                            String.format("%02d:%02d", i % 24, i % 60), "/bulk/" + i % 10, null, null, null, null, 1));
                }
                server.append(bulk.toArray(io.footfall.event.CollectedHit[]::new)); // durable in the log on return
                // The log is the durability point: each 200 means the hit is fsync'ed there, whatever the database does.
                for (int i = 0; i < 30; i++) send(server, site, "w" + i % 5, "2026-05-03T11:" + String.format("%02d", i) + ":00", "/during/" + i % 2);
                for (String path : new String[] {"stats?" + RANGE, "metrics?type=path&" + RANGE, "pageviews?unit=day&timezone=UTC&" + RANGE}) {
                    var res = server.http().get("/api/websites/" + site + "/" + path, server.adminToken());
                    assertThat(res.status()).as(path + ": " + res.body()).isEqualTo(503);
                    assertThat(res.json().get("error").get("message").asText()).startsWith("Recently collected hits are not in the database yet (");
                    assertThat(res.json().get("error").get("message").asText()).contains("the database is failing to take them");
                    assertThat(Long.parseLong(res.header("Retry-After"))).isBetween(1L, 5L);
                }
                try (var files = Files.list(server.dataDir().resolve("ingest-log"))) {
                    assertThat(files.filter(p -> p.toString().endsWith(".hits")).mapToLong(p -> p.toFile().length()).sum()).isPositive();
                }
            } finally {
                parkEventTable(server, false);
            }

            // The shipper retries with back-off: reads answer again once it got through, with every acknowledged hit.
            var stats = awaitAnswer(server, "/api/websites/" + site + "/stats?" + RANGE);
            assertThat(stats.json().get("pageviews").asLong()).isEqualTo(50 + BULK);
            assertThat(stats.json().get("visitors").asLong()).isEqualTo(9 + BULK);
            var paths = server.websiteJson(site, "metrics?type=path&" + RANGE);
            Map<String, Long> byPath = new java.util.TreeMap<>(); // metrics?type=path counts visitors per path
            paths.forEach(row -> byPath.put(row.get("x").asText(), row.get("y").asLong()));
            Map<String, Long> expected = new java.util.TreeMap<>(Map.of("/before/0", 4L, "/before/1", 4L, "/before/2", 4L, "/during/0", 5L, "/during/1", 5L));
            for (int i = 0; i < 10; i++) expected.put("/bulk/" + i, BULK / 10L); // visitors per path: each bulk hit is a visitor of its own
            assertThat(byPath).isEqualTo(expected);
            assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?", java.util.UUID.fromString(site))).isEqualTo(50 + BULK);
        }
    }

    /** Renames the event table away (every append then fails with DuckDB's catalog error) or back. */
    static void parkEventTable(TestServer server, boolean away) throws Exception {
        server.server().stores().connections().write(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(away ? "ALTER TABLE event RENAME TO event_parked" : "ALTER TABLE event_parked RENAME TO event");
            }
            return null;
        });
    }

    /** The first hit waits for the User-Agent parser, which on a loaded machine can take longer than the client waits. */
    static void warmUp(TestServer server) {
        String other = server.createWebsite("Warm-up", "example.org");
        for (int i = 0; ; i++) {
            try {
                send(server, other, "warm", "2026-01-01T00:00:00", "/");
                return;
            } catch (IllegalStateException timedOut) {
                if (i == 5) throw timedOut;
            }
        }
    }

    static void send(TestServer server, String site, String visitor, String time, String url) {
        String body = "{\"type\":\"event\",\"payload\":{\"website\":\"" + site + "\",\"hostname\":\"example.com\",\"screen\":\"1920x1080\","
                + "\"language\":\"en-US\",\"id\":\"" + visitor + "\",\"timestamp\":" + Instant.parse(time + "Z").getEpochSecond()
                + ",\"url\":\"" + url + "\"}}";
        var res = server.http().send("POST", "/api/send", body, null, Map.of("User-Agent", Traffic.CHROME_WIN));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
    }

    /** Asks until the answer is not a 503 (bounded: the shipper's back-off is at most a few seconds); returns it, asserting 200. */
    static HttpClientForTests.Response awaitAnswer(TestServer server, String path) throws InterruptedException {
        for (int i = 0; ; i++) {
            var res = server.http().get(path, server.adminToken());
            if (res.status() != 503 || i == 60) {
                assertThat(res.status()).as(res.body()).isEqualTo(200);
                return res;
            }
            Thread.sleep(500);
        }
    }
}
