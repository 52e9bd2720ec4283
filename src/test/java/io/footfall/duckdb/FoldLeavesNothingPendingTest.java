package io.footfall.duckdb;

import io.footfall.http.SessionValueRollupTest;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On DuckDB a fold moves every pending row into the rollups: on SessionValueRollupTest's visits (folded and pending,
 * late hits) the pending views hold rows before and none after. The answers over them are SessionValueRollupTest's,
 * on every backend.
 */
class FoldLeavesNothingPendingTest {
    static final List<String> PENDING = List.of("visit_pending", "session_pending", "session_value_pending", "session_hour_pending");

    @Test
    void aFoldEmptiesEveryPendingView() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.backend()).isEqualTo("duckdb");
            SessionValueRollupTest.sendTraffic(server);
            for (String view : PENDING) assertThat(server.count("SELECT count(*) FROM " + view)).as(view).isPositive();
            server.fold();
            for (String view : PENDING) assertThat(server.count("SELECT count(*) FROM " + view)).as(view).isZero();
        }
    }
}
