package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.event.CollectedHit;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fold that fails (here: a rollup table is away, so DuckDB rejects it; at a small memory limit it ran out of memory)
 * never fails the append that made it due: every hit is acknowledged and stored, the dashboard reads answer exactly
 * from the rollups plus the unfolded tail, and once the fold works again (tried after a back-off) the folded rollups
 * give the same answers.
 */
class FailingFoldTest {
    /** Hits in the bulk: enough to make the tail due for a fold ({@code FoldSchedule.FOLD_ROWS}). */
    static final int BULK = 100_000;
    static final int SESSIONS = 1000;
    static final String RANGE = TestServer.range("2026-03-01T00:00:00Z", "2026-05-31T23:59:59Z");
    static final List<String> READS = List.of("stats?" + RANGE, "metrics?type=path&" + RANGE, "pageviews?unit=day&timezone=UTC&" + RANGE);

    @Test
    void appendsAndExactReadsGoOnWhileFoldsFail() throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            String site = server.createWebsite("Failing fold", "example.com");
            String other = server.createWebsite("Retry trigger", "example.org");
            ShippingFailureTest.warmUp(server);
            for (int i = 0; i < 20; i++) ShippingFailureTest.send(server, site, "v" + i % 4, "2026-05-02T10:" + String.format("%02d", i) + ":00", "/before/" + i % 3);

            parkFunnelRows(server, true);
            UUID w = UUID.fromString(site);
            List<CollectedHit> bulk = new ArrayList<>();
            UUID[] sessions = new UUID[SESSIONS];
            for (int s = 0; s < SESSIONS; s++) sessions[s] = UUID.randomUUID();
            for (int i = 0; i < BULK; i++) {
                UUID session = sessions[i % SESSIONS];
                bulk.add(ExpandedRollupTest.hit(w, session, session, String.format("%02d:%02d", i / SESSIONS % 24, i / SESSIONS % 60),
                        "/bulk/" + i % 10, null, null, null, null, 1));
            }
            server.append(bulk.toArray(CollectedHit[]::new)); // durable in the ingest log on return; shipped from there
            for (int i = 0; i < 30; i++) ShippingFailureTest.send(server, site, "w" + i % 5, "2026-05-03T11:" + String.format("%02d", i) + ":00", "/during/" + i % 2);

            // The tail is due and its fold fails, yet every hit is stored and every read answers, exactly.
            Map<String, JsonNode> during = new java.util.LinkedHashMap<>();
            for (String read : READS) during.put(read, ShippingFailureTest.awaitAnswer(server, "/api/websites/" + site + "/" + read).json());
            assertExact(during);
            assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?", w)).isEqualTo(50 + BULK);
            assertThat(server.count("SELECT folded_seq FROM rollup_state")).as("no fold committed").isZero();
            assertThat(server.count("SELECT count(*) FROM event_tail WHERE website_id = ?", w)).isEqualTo(50 + BULK);

            parkFunnelRows(server, false);
            // The next append after the back-off folds again (hits to another site, so this one's answers stay put).
            long deadline = System.nanoTime() + 120_000_000_000L;
            for (int i = 0; server.count("SELECT folded_seq FROM rollup_state") == 0 && System.nanoTime() < deadline; i++) {
                ShippingFailureTest.send(server, other, "r" + i, "2026-05-04T09:00:00", "/retry");
                Thread.sleep(500);
            }
            assertThat(server.count("SELECT folded_seq FROM rollup_state")).as("the fold was retried").isPositive();
            assertThat(server.count("SELECT count(*) FROM event_tail WHERE website_id = ?", w)).isZero();
            for (String read : READS) {
                assertThat(server.websiteJson(site, read)).as(read + " from the folded rollups").isEqualTo(during.get(read));
            }
        }
    }

    /** The answers computed from the hits sent: 20 before, the bulk, 30 during. */
    private static void assertExact(Map<String, JsonNode> answers) {
        JsonNode stats = answers.get(READS.get(0));
        assertThat(stats.get("pageviews").asLong()).isEqualTo(50 + BULK);
        assertThat(stats.get("visitors").asLong()).isEqualTo(9 + SESSIONS);
        assertThat(stats.get("visits").asLong()).isEqualTo(9 + SESSIONS);
        Map<String, Long> byPath = new java.util.TreeMap<>(); // visitors per path
        answers.get(READS.get(1)).forEach(row -> byPath.put(row.get("x").asText(), row.get("y").asLong()));
        Map<String, Long> expected = new java.util.TreeMap<>(Map.of("/before/0", 4L, "/before/1", 4L, "/before/2", 4L, "/during/0", 5L, "/during/1", 5L));
        for (int i = 0; i < 10; i++) expected.put("/bulk/" + i, SESSIONS / 10L); // session s visits path s % 10 only
        assertThat(byPath).isEqualTo(expected);
        Map<String, Long> byDay = new java.util.TreeMap<>();
        answers.get(READS.get(2)).get("pageviews").forEach(row -> byDay.put(row.get("x").asText().substring(0, 10), row.get("y").asLong()));
        assertThat(byDay).isEqualTo(Map.of("2026-03-07", (long) BULK, "2026-05-02", 20L, "2026-05-03", 30L));
    }

    /** Renames the funnel rollup away (every fold then fails with DuckDB's catalog error; the reads above do not use it) or back. */
    static void parkFunnelRows(TestServer server, boolean away) throws Exception {
        server.server().stores().connections().write(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(away ? "ALTER TABLE funnel_row RENAME TO funnel_row_parked" : "ALTER TABLE funnel_row_parked RENAME TO funnel_row");
            }
            return null;
        });
    }
}
