package io.footfall.http;

import io.footfall.event.CollectedHit;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read that needs more memory than DuckDB's share of MEMORY_LIMIT is answered 503 with a message (the
 * journey report over 90 days of 3 M events did that at 512m), not 500; the same read succeeds once the
 * database may use more.
 */
class DatabaseOutOfMemoryTest {
    @Test
    void aReadBeyondTheDatabasesMemoryGets503() throws Exception {
        try (TestServer server = TestServer.start()) {
            String site = server.createWebsite("Big journeys", "example.com");
            UUID w = UUID.fromString(site);
            List<CollectedHit> hits = new ArrayList<>();
            for (int v = 0; v < 20_000; v++) {
                UUID session = UUID.randomUUID(), visit = UUID.randomUUID();
                for (int i = 0; i < 3; i++) {
                    String time = String.format("%02d:%02d", v % 24, i * 10 + v % 7);
                    hits.add(ExpandedRollupTest.hit(w, session, visit, time, "/page-" + (v * 3 + i) % 5000, null, null, null, null, 1));
                }
            }
            server.append(hits.toArray(CollectedHit[]::new));
            // Stored and folded before the limit drops: the shipping and folds need memory of their own, and a read
            // waits for what was acknowledged before it.
            server.fold();
            String body = "{\"websiteId\":\"" + site + "\",\"type\":\"journey\",\"filters\":{\"path\":\"neq./nowhere\"},\"parameters\":{\"startDate\":"
                    + Instant.parse("2026-03-07T00:00:00Z").toEpochMilli() + ",\"endDate\":" + Instant.parse("2026-03-07T23:59:59Z").toEpochMilli()
                    + ",\"steps\":5}}";
            // A filter keeps the journey on the events (the visit rollup answers only unfiltered journeys).
            lowestMemoryLimit(server);
            try {
                var res = server.http().post("/api/reports/journey", body, server.adminToken());
                assertThat(res.status()).as(res.body()).isEqualTo(503);
                assertThat(res.json().get("error").get("message").asText()).startsWith("This request needs more memory than the database may use (MEMORY_LIMIT)");
                assertThat(res.header("Retry-After")).isEqualTo("30");
            } finally {
                setMemoryLimit(server, "1GB");
            }
            var res = server.http().post("/api/reports/journey", body, server.adminToken());
            assertThat(res.status()).as(res.body()).isEqualTo(200);
            assertThat(res.json().size()).isEqualTo(100); // 20,000 visits of 3 distinct pages: the 100 most frequent sequences
        }
    }

    /**
     * The smallest limit the database takes: memory it cannot evict (index nodes of the rollups, for one) sets a floor
     * that grows with the schema, and a limit under it is refused rather than applied.
     */
    static void lowestMemoryLimit(TestServer server) throws Exception {
        for (int mb = 1; ; mb *= 2) {
            try {
                setMemoryLimit(server, mb + "MB");
                return;
            } catch (java.sql.SQLException refused) {
                if (mb >= 256) throw refused;
            }
        }
    }

    static void setMemoryLimit(TestServer server, String limit) throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET GLOBAL memory_limit = '" + limit + "'");
            }
            return null;
        });
    }
}
