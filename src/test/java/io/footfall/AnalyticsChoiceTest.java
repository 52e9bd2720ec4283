package io.footfall;

import io.footfall.config.QueryOptions;
import io.footfall.config.Settings;
import io.footfall.accelerate.duckdb.AcceleratedAnalytics;
import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QUERY_PATH picks the implementation of the query seam; a bad value is refused at start. */
class AnalyticsChoiceTest {

    @Test
    void queryPathSetting() {
        assertThat(Settings.from(Map.of()).queryPath()).isEqualTo("accelerated");
        assertThat(Settings.from(Map.of("QUERY_PATH", "reference")).queryPath()).isEqualTo("reference");
        assertThatThrownBy(() -> Settings.from(Map.of("QUERY_PATH", "fast"))).hasMessageContaining("QUERY_PATH");
    }

    @Test
    void queryOptionsAreReadOnceFromTheEnvironment() {
        assertThat(Settings.from(Map.of()).queryOptions()).isEqualTo(QueryOptions.DEFAULTS);
        assertThat(Settings.from(Map.of("QUERY_MAX_LISTED_EDGES", "0", "QUERY_MAX_EDGES", "7", "QUERY_SHORT_RANGE_DAYS", "0",
                "QUERY_HOURLY_VISITORS", "false", "QUERY_MAX_RANKED_KEYS", "3", "EXPORT_CHUNK_ROWS", "2")).queryOptions())
                .isEqualTo(new QueryOptions(false, 0, 7, 0, 3, 2));
        assertThat(Settings.from(Map.of("QUERY_DUCKDB_SWAP_BUILD_SIDE", "true", "QUERY_TRACE", "full")).queryOptions())
                .isEqualTo(new QueryOptions(true, 2000, 5000, 28, 1000, 10_000, true, QueryOptions.Trace.FULL));
        assertThatThrownBy(() -> Settings.from(Map.of("QUERY_TRACE", "loud"))).hasMessageContaining("QUERY_TRACE");
        assertThatThrownBy(() -> Settings.from(Map.of("EXPORT_CHUNK_ROWS", "0"))).hasMessageContaining("EXPORT_CHUNK_ROWS");
        assertThatThrownBy(() -> Settings.from(Map.of("QUERY_HOURLY_VISITORS", "maybe"))).hasMessageContaining("QUERY_HOURLY_VISITORS");
    }

    @Test
    void duckDbTakesTheAcceleratorUnlessTheReferenceIsAskedFor() {
        try (TestServer server = TestServer.start()) {
            var events = server.server().stores().events();
            assertThat(AnalyticsChoice.of("accelerated", QueryOptions.DEFAULTS, events)).isInstanceOf(AcceleratedAnalytics.class);
            assertThat(AnalyticsChoice.of("reference", QueryOptions.DEFAULTS, events)).isInstanceOf(ReferenceAnalytics.class);
            assertThat(AnalyticsChoice.of("compare", QueryOptions.DEFAULTS, events)).isInstanceOf(io.footfall.query.reference.ComparingAnalytics.class);
        }
    }

    @Test
    void postgreSqlTakesItsAcceleratorUnlessTheReferenceIsAskedFor() {
        try (TestServer server = TestServer.startPostgres()) {
            var events = server.server().stores().events();
            assertThat(AnalyticsChoice.of("accelerated", QueryOptions.DEFAULTS, events)).isInstanceOf(PostgresAcceleratedAnalytics.class);
            assertThat(AnalyticsChoice.of("reference", QueryOptions.DEFAULTS, events)).isExactlyInstanceOf(ReferenceAnalytics.class);
            assertThat(AnalyticsChoice.of("compare", QueryOptions.DEFAULTS, events)).isInstanceOf(io.footfall.query.reference.ComparingAnalytics.class);
        }
    }
}
