package io.footfall.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.footfall.testing.Traffic.CHROME_WIN;
import static io.footfall.testing.Traffic.FIREFOX_LINUX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DuckDB's {@code session_hour} rollup (the weekly heatmap's): an hour with only custom events keeps its row with
 * {@code views = 0}, which places no session in a cell; a fold leaves nothing in {@code session_hour_pending}. The
 * heatmap's answers themselves are the contract tests' (HourlySeriesTest, WeeklyPageviewsOnlyTest) on every backend.
 */
class SessionHourRollupTest {

    @Test
    void customEventHoursKeepAViewlessRowAndAFoldLeavesNothingPending() {
        try (TestServer server = TestServer.start(Map.of("QUERY_PATH", "compare"))) {
            assertThat(server.backend()).isEqualTo("duckdb");
            String site = server.createWebsite("Session hours", "example.com");
            Traffic t = new Traffic(server, site);
            t.visitor("A", CHROME_WIN, "DE", null, null).view("2026-03-10T10:05:00Z", "/", null).event("2026-03-10T11:10:00Z", "/", "signup");
            t.visitor("B", FIREFOX_LINUX, "FR", null, null).event("2026-03-10T12:30:00Z", "/", "signup");
            assertThat(server.count("SELECT count(*) FROM session_hour_pending WHERE website_id = ?::UUID", site)).isEqualTo(3);
            server.fold();
            assertThat(server.count("SELECT count(*) FROM session_hour_pending WHERE website_id = ?::UUID", site)).isZero();
            assertThat(server.count("SELECT count(*) FROM session_hour WHERE website_id = ?::UUID AND views = 0", site)).isEqualTo(2);
            assertThat(server.count("SELECT count(*) FROM session_hour WHERE website_id = ?::UUID AND views > 0", site)).isEqualTo(1);
            JsonNode weekly = server.websiteJson(site, "sessions/weekly?timezone=UTC&" + TestServer.range("2026-03-09T00:00:00Z", "2026-03-15T23:59:59.999Z"));
            assertThat(weekly.get(2).get(10).asLong()).isEqualTo(1);
            assertThat(weekly.get(2).get(11).asLong()).isZero();
            assertThat(weekly.get(2).get(12).asLong()).isZero();
        }
    }
}
