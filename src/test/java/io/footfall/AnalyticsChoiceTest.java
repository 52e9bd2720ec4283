package io.footfall;

import io.footfall.config.Settings;
import io.footfall.query.AcceleratedAnalytics;
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
    void duckDbTakesTheAcceleratorUnlessTheReferenceIsAskedFor() {
        try (TestServer server = TestServer.start()) {
            var events = server.server().stores().events();
            assertThat(AnalyticsChoice.of("accelerated", events)).isInstanceOf(AcceleratedAnalytics.class);
            assertThat(AnalyticsChoice.of("reference", events)).isInstanceOf(ReferenceAnalytics.class);
            assertThat(AnalyticsChoice.of("compare", events)).isInstanceOf(io.footfall.query.reference.ComparingAnalytics.class);
        }
    }
}
