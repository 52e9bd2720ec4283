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

/** A store whose payment rollup (V38) is empty while it holds payments (an upgrade) gets it filled at the next start. */
class RevenueRollupUpgradeTest {
    private static final String PAYMENTS = "SELECT count(*) FROM event e JOIN event_data r ON r.event_id = e.event_id AND r.data_key = 'revenue' "
            + "AND r.number_value <> 0 JOIN event_data c ON c.event_id = e.event_id AND c.data_key = 'currency' WHERE e.event_type = 2";

    @Test
    void anEmptyPaymentRollupIsFilledFromTheStoredEventsAtStart(@TempDir Path dir) throws Exception {
        UUID site;
        TestServer first = TestServer.start(dir, Map.of());
        try {
            site = UUID.fromString(first.createWebsite("Upgrade", "example.com"));
            GeneratedTraffic.append(first, site, 60, 38);
            first.fold();
            assertThat(first.count("SELECT count(*) FROM revenue_event")).isEqualTo(first.count(PAYMENTS)).isGreaterThan(10);
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM revenue_event");
                }
                return null;
            });
        } finally {
            first.close();
        }
        TestServer again = TestServer.start(dir, Map.of());
        try {
            assertThat(again.count("SELECT count(*) FROM revenue_event")).isEqualTo(again.count(PAYMENTS));
            assertThat(again.count("SELECT count(*) FROM revenue_event WHERE landing_at IS NULL")).isLessThan(again.count(PAYMENTS));
            var store = again.server().stores().events();
            EventScope scope = ReportScopes.of(site, store, GeneratedTraffic.START, GeneratedTraffic.START.plusSeconds(12 * 86400),
                    Map.of("timezone", "Europe/Berlin", "unit", "day"));
            var p = new ObjectMapper().readTree("{\"currency\":\"EUR\"}");
            var plain = Revenue.plain(store, scope, p);
            assertThat((java.util.List<?>) plain.get("channel")).isNotEmpty();
            assertThat(Revenue.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, p)).isEqualTo(plain);
        } finally {
            again.close();
        }
    }
}
