package io.footfall.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.http.UtmRollupTest;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DuckDB's UTM value rollups (V34) on UtmRollupTest's hits: one row per (session, value) and (visit, value) with a
 * view, day sums equal to them, none for a missing value; and a store from before V34 gets them at its next start from
 * its folded events, answering UtmRollupTest's exact values throughout.
 */
class UtmRollupRowsTest {

    @Test
    void foldsBuildOneRowPerValueWithAView() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.backend()).isEqualTo("duckdb");
            String site = server.createWebsite("UTM rollup", "example.com");
            UtmRollupTest.Traffic t = UtmRollupTest.Traffic.of(site);
            server.append(t.batch1().toArray(CollectedHit[]::new));
            server.fold();
            server.append(t.batch2().toArray(CollectedHit[]::new)); // pending: late hits into folded visits, a new session
            assertThat(server.count("SELECT count(*) FROM session_value_pending WHERE kind = 8")).isEqualTo(3);
            server.fold();
            server.append(t.batch3().toArray(CollectedHit[]::new));
            server.fold();
            assertFoldedRows(server, site);
        }
    }

    /** The rows the folds built: one per (session, value) and (visit, value) with a view, their day sums equal to them. */
    static void assertFoldedRows(TestServer server, String site) {
        // (A, news) (A, google) (B, google) (C, news) (D, partner) (F, news) (G, news); E's custom event has none.
        assertThat(server.count("SELECT count(*) FROM session_value_utm_source WHERE website_id = ?::UUID", site)).isEqualTo(7);
        assertThat(server.count("SELECT sum(rows) FROM session_value_day WHERE website_id = ?::UUID AND kind = 8", site)).isEqualTo(7);
        // A1 news 2, A1 google 1, B1 2, B2 1, C1 2, D1 1, F1 1, G1 3.
        assertThat(server.count("SELECT count(*) FROM visit_value_utm_source WHERE website_id = ?::UUID", site)).isEqualTo(8);
        assertThat(server.count("SELECT sum(views) FROM visit_value_utm_source WHERE website_id = ?::UUID", site)).isEqualTo(13);
        assertThat(server.count("SELECT sum(views) FROM visit_value_day WHERE website_id = ?::UUID AND kind = 8", site)).isEqualTo(13);
        assertThat(server.count("SELECT sum(visits) FROM visit_value_day WHERE website_id = ?::UUID AND kind = 8", site)).isEqualTo(8);
        // utm_term: (B, shoes) (F, shoes); B1 two views, F1 one.
        assertThat(server.count("SELECT count(*) FROM session_value_utm_term WHERE website_id = ?::UUID", site)).isEqualTo(2);
        assertThat(server.count("SELECT sum(views) FROM visit_value_day WHERE website_id = ?::UUID AND kind = 12", site)).isEqualTo(3);
        // No row for a missing value: A1's /b at 08:04 carries no UTM.
        assertThat(server.count("SELECT count(*) FROM visit_value_utm_medium WHERE value IS NULL OR value = ''")).isZero();
    }

    @Test
    void aStoreFromBeforeV34GetsItsUtmRowsFromTheFoldedEvents(@TempDir Path dir) throws Exception {
        String site;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            assertThat(first.backend()).isEqualTo("duckdb");
            site = first.createWebsite("Before V34", "example.com");
            UtmRollupTest.Traffic t = UtmRollupTest.Traffic.of(site);
            first.append(t.batch1().toArray(CollectedHit[]::new));
            first.append(t.batch2().toArray(CollectedHit[]::new));
            first.fold();
            first.append(t.batch3().toArray(CollectedHit[]::new)); // stays the tail: the migration must leave it to the next fold
            UtmRollupTest.assertFinal(first, site);
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // The store as it was before V34: no UTM tables, no UTM day sums.
                    for (String k : List.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")) {
                        st.execute("DROP TABLE session_value_" + k);
                        st.execute("DROP TABLE visit_value_" + k);
                    }
                    st.execute("DELETE FROM session_value_day WHERE kind >= 8");
                    st.execute("DELETE FROM visit_value_day WHERE kind >= 8");
                    // V34 creates its tables as they were then; V44 (value rows keyed by numbers) follows it again.
                    st.execute("DROP TABLE visit_number");
                    st.execute("DROP TABLE session_number");
                    st.execute("DELETE FROM schema_version WHERE version IN (34, 44)");
                }
                return null;
            });
        }
        try (TestServer again = TestServer.start(dir, Map.of("QUERY_PATH", "compare"))) {
            // Batches 1 and 2 were folded: (G, news) starts 03-06 23:50 until batch 3's 23:40 is folded.
            assertThat(again.count("SELECT count(*) FROM session_value_utm_source")).isEqualTo(7);
            assertThat(again.count("SELECT sum(views) FROM visit_value_utm_source")).isEqualTo(11); // without B1 08:59 and G1 23:40
            assertThat(again.count("SELECT count(*) FROM session_value_pending WHERE kind = 8")).isEqualTo(2);
            UtmRollupTest.assertFinal(again, site);
            UtmRollupTest.compareWithEvents(again, site);
            again.fold();
            UtmRollupTest.assertFinal(again, site);
            UtmRollupTest.compareWithEvents(again, site);
            assertFoldedRows(again, site);
        }
    }
}
