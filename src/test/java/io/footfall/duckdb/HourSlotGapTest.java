package io.footfall.duckdb;

import io.footfall.http.WeeklyAcrossDstTest;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DuckDB's {@code hour_slot_gap} (the weekly heatmap's count of repeated week-hour slots) holds exactly what it
 * counts from {@code session_hour}, on WeeklyAcrossDstTest's sessions (DST changes, late and pending hits) before
 * and after a fold. The heatmap's answers are the contract test's, on every backend.
 */
class HourSlotGapTest {
    static final String RECOUNT = "SELECT website_id, hour, coalesce(date_diff('hour', prev_slot, hour) // 168, 0)::INTEGER AS weeks, "
            + "count(*)::BIGINT AS rows FROM session_hour WHERE views > 0 GROUP BY ALL";

    @Test
    void slotGapTotalsEqualTheRollupTheyCount() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.backend()).isEqualTo("duckdb");
            WeeklyAcrossDstTest.sendTraffic(server);
            assertEqualToItsRecount(server);
            server.fold();
            assertEqualToItsRecount(server);
            assertThat(server.count("SELECT count(*) FROM hour_slot_gap")).isPositive();
        }
    }

    private static void assertEqualToItsRecount(TestServer server) {
        assertThat(server.count("SELECT count(*) FROM (SELECT * FROM hour_slot_gap EXCEPT " + RECOUNT + ")")).isZero();
        assertThat(server.count("SELECT count(*) FROM (" + RECOUNT + " EXCEPT SELECT * FROM hour_slot_gap)")).isZero();
    }
}
