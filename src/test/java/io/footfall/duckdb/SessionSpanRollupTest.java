package io.footfall.duckdb;

import io.footfall.http.SessionRollupTest;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.footfall.http.SessionRollupTest.A;
import static io.footfall.http.SessionRollupTest.B;
import static io.footfall.http.SessionRollupTest.C;
import static io.footfall.http.SessionRollupTest.D;
import static io.footfall.http.SessionRollupTest.E;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DuckDB's {@code session_span} rows after a fold of SessionRollupTest's sessions: visits counted along time, and
 * {@code mixed} marking a session whose attributes changed (read from its events then). The answers over them are
 * SessionRollupTest's, on every backend.
 */
class SessionSpanRollupTest {

    @Test
    void foldedRowsCountVisitsAlongTimeAndMarkWhatTheyCannotAnswer() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertThat(server.backend()).isEqualTo("duckdb");
            SessionRollupTest.sendTraffic(server);
            server.fold();
            assertThat(server.count("SELECT count(*) FROM session_pending")).isZero();
            assertThat(span(server, A).toString()).isEqualTo("{activity=5, views=4, pageviews=4, events=1, visits=2, mixed=false}");
            assertThat(span(server, B).get("mixed")).isEqualTo(true);
            assertThat(span(server, C).get("mixed")).isEqualTo(true);
            assertThat(span(server, D).toString()).isEqualTo("{activity=1, views=0, pageviews=0, events=1, visits=1, mixed=false}");
            assertThat(span(server, E).toString()).isEqualTo("{activity=2, views=2, pageviews=2, events=0, visits=1, mixed=false}");
        }
    }

    static Map<String, Object> span(TestServer server, UUID session) {
        return server.query("SELECT activity, views, pageviews, events, visits, mixed FROM session_span WHERE session_id = ?::UUID",
                session.toString()).getFirst();
    }
}
