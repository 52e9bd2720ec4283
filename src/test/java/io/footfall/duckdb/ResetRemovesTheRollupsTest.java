package io.footfall.duckdb;

import io.footfall.http.VisitRollupTest;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** On DuckDB a website reset deletes its folded and pending visit rows too, and no other website's. */
class ResetRemovesTheRollupsTest {

    @Test
    void resetRemovesTheWebsitesVisitRows() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertThat(server.backend()).isEqualTo("duckdb");
            String kept = server.createWebsite("Rollup kept", "example.com");
            String other = server.createWebsite("Rollup reset", "example.com");
            var de = VisitRollupTest.attrs("chrome", "DE");
            server.append(VisitRollupTest.hit(UUID.fromString(kept), UUID.randomUUID(), UUID.randomUUID(), "09:00", "/", de, 1),
                    VisitRollupTest.hit(UUID.fromString(other), UUID.randomUUID(), UUID.randomUUID(), "10:00", "/", de, 1));
            assertThat(server.count("SELECT count(*) FROM visit_pending WHERE website_id = ?::UUID", other)).isEqualTo(1);
            server.fold();
            server.append(VisitRollupTest.hit(UUID.fromString(other), UUID.randomUUID(), UUID.randomUUID(), "11:00", "/", de, 1));
            assertThat(server.count("SELECT count(*) FROM visit WHERE website_id = ?::UUID", other)).isEqualTo(1);
            assertThat(server.count("SELECT count(*) FROM visit_pending WHERE website_id = ?::UUID", other)).isEqualTo(1);
            assertThat(server.http().post("/api/websites/" + other + "/reset", null, server.adminToken()).status()).isEqualTo(200);
            assertThat(server.count("SELECT count(*) FROM visit WHERE website_id = ?::UUID", other)).isZero();
            assertThat(server.count("SELECT count(*) FROM visit_pending WHERE website_id = ?::UUID", other)).isZero();
            assertThat(server.count("SELECT count(*) FROM visit WHERE website_id = ?::UUID", kept)).isEqualTo(1);
        }
    }
}
