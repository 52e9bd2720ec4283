package io.footfall.duckdb;

import io.footfall.http.SessionValueRollupTest;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When appends pause, the store folds its tail within seconds instead of waiting for the next size or
 * age trigger, so a dashboard opened after a burst of traffic reads folded rollups.
 */
class FoldWhenIdleTest {

    @Test
    void aPauseInTrafficFoldsTheTail() throws Exception {
        try (TestServer server = TestServer.start(java.util.Map.of("FOLD_IDLE_SECONDS", "1"))) {
            String site = server.createWebsite("Idle", "example.com");
            UUID w = UUID.fromString(site), s = UUID.randomUUID();
            server.append(SessionValueRollupTest.hit(w, s, "08:00", "example.com", "/a", null, null, null, null, 1),
                    SessionValueRollupTest.hit(w, s, "08:05", "example.com", "/b", null, null, null, null, 1));
            assertThat(server.count("SELECT count(*) FROM visit_pending WHERE website_id = ?::UUID", site)).isPositive();
            long deadline = System.nanoTime() + 15_000_000_000L; // well before the 30 s age trigger; a busy machine is slow
            while (server.count("SELECT count(*) FROM visit_pending WHERE website_id = ?::UUID", site) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(server.count("SELECT count(*) FROM visit_pending WHERE website_id = ?::UUID", site)).isZero();
            assertThat(server.count("SELECT sum(views) FROM visit WHERE website_id = ?::UUID", site)).isEqualTo(2);
        }
    }
}
