package io.footfall.duckdb;

import io.footfall.http.tinytrail.TinyTrailAggregateTest;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On DuckDB, TinyTrail's POST /api/v1/admin/aggregate folds the events still pending into the rollups (the tests'
 * servers keep their tails otherwise). Its answers before and after are TinyTrailAggregateTest's, on every backend.
 */
class AggregateFoldsTest {

    @Test
    void aggregatingFoldsThePendingEvents() throws Exception {
        try (TestServer server = TestServer.start(Map.of("QUERY_PATH", "compare"))) {
            assertThat(server.backend()).isEqualTo("duckdb");
            String adminKey = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
            TinyTrailAggregateTest.sendDay(server);
            assertThat(pendingEvents(server)).isEqualTo(6);
            var res = server.http().send("POST", "/api/v1/admin/aggregate", "{\"date\":\"2026-03-18\"}", null,
                    Map.of("Content-Type", "application/json", "X-API-KEY", adminKey));
            assertThat(res.status()).as(res.body()).isEqualTo(200);
            assertThat(pendingEvents(server)).isZero();
        }
    }

    /** Events not yet in the rollups (newer than rollup_state.folded_seq). */
    static long pendingEvents(TestServer server) {
        return server.count("SELECT count(*) FROM event WHERE ingest_seq > (SELECT folded_seq FROM rollup_state)");
    }
}
