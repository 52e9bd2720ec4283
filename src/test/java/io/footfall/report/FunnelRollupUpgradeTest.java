package io.footfall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.query.EventScope;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A store whose funnel rollup (V39) is empty while it holds events (an upgrade) gets it filled at the next start. */
class FunnelRollupUpgradeTest {
    /** One row per reportable event and item it carries (its path, its custom event name). */
    private static final String ITEMS = "SELECT count(url_path) + count(event_name) FROM event WHERE event_type IN (1, 2, 3, 4)";

    @Test
    void anEmptyFunnelRollupIsFilledFromTheStoredEventsAtStart(@TempDir Path dir) throws Exception {
        UUID site;
        TestServer first = TestServer.start(dir, Map.of());
        try {
            site = UUID.fromString(first.createWebsite("Upgrade", "example.com"));
            GeneratedTraffic.append(first, site, 60, 39);
            first.fold();
            assertThat(first.count("SELECT count(*) FROM funnel_row")).isEqualTo(first.count(ITEMS)).isGreaterThan(100);
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM funnel_row");
                }
                return null;
            });
        } finally {
            first.close();
        }
        TestServer again = TestServer.start(dir, Map.of());
        try {
            assertThat(again.count("SELECT count(*) FROM funnel_row")).isEqualTo(again.count(ITEMS));
            assertThat(again.count("SELECT count(DISTINCT session_id) FROM funnel_session"))
                    .isEqualTo(again.count("SELECT count(*) FROM funnel_session"))
                    .isEqualTo(again.count("SELECT max(num) FROM funnel_session"));
            var store = again.server().stores().events();
            EventScope scope = ReportScopes.of(site, store, GeneratedTraffic.START, GeneratedTraffic.START.plusSeconds(12 * 86400), Map.of());
            var p = new ObjectMapper().readTree("{\"steps\":[{\"type\":\"path\",\"value\":\"/\"},{\"type\":\"path\",\"value\":\"/pricing\"}],\"window\":60}");
            var plain = Funnel.plain(store, scope, p);
            assertThat((Long) plain.get(1).get("visitors")).isPositive();
            assertThat(Funnel.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, p)).isEqualTo(plain);
        } finally {
            again.close();
        }
    }
}
