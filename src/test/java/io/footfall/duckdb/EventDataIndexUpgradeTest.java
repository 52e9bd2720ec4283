package io.footfall.duckdb;

import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event data rows are numbered within their event as they are written (0 for the first), and a data
 * directory from before that numbering (V17) gets it from its migration: either way, event-data/stats
 * counts each event with data once, however many fields it has.
 */
class EventDataIndexUpgradeTest {
    private static final String DAY = TestServer.range("2026-03-04T00:00:00Z", "2026-03-04T23:59:59Z");

    @Test
    void eventsWithDataAreCountedOnceBeforeAndAfterTheMigration(@TempDir Path dir) {
        String site;
        TestServer first = TestServer.start(dir, Map.of());
        try {
            site = first.createWebsite("Data", "example.com");
            Traffic traffic = new Traffic(first, site);
            Traffic.Visitor a = traffic.visitor("a", Traffic.CHROME_WIN, "DE", null, null);
            a.eventWithData("2026-03-04T10:00:00Z", "/", "signup", "{\"plan\":\"pro\",\"seats\":3,\"trial\":true}");
            a.eventWithData("2026-03-04T10:01:00Z", "/", "signup", "{\"plan\":\"free\"}");
            a.eventWithData("2026-03-04T10:02:00Z", "/", "download", "{\"file\":\"a.pdf\",\"size\":12}");
            a.event("2026-03-04T10:03:00Z", "/", "click"); // no data: not counted
            assertThat(first.websiteJson(site, "event-data/stats?" + DAY).toString())
                    .isEqualTo("{\"events\":3,\"properties\":5,\"records\":6}");
            assertThat(first.count("SELECT count(*) FROM event_data WHERE data_index = 0")).isEqualTo(3);
            assertThat(first.count("SELECT max(data_index) FROM event_data")).isEqualTo(2);
            // A store written before the numbering (no column), then V17's script as the migration runs it.
            try {
                String script = new String(EventDataIndexUpgradeTest.class.getResourceAsStream(
                        "/db/duckdb/V17__event_data_first_row.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                first.server().stores().connections().write(c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("ALTER TABLE event_data DROP COLUMN data_index");
                        for (String sql : io.footfall.store.Migrations.statements(script)) st.execute(sql);
                    }
                    return null;
                });
            } catch (java.sql.SQLException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        } finally {
            first.close();
        }
        TestServer again = TestServer.start(dir, Map.of());
        try {
            assertThat(again.count("SELECT count(*) FROM event_data WHERE data_index = 0")).isEqualTo(3);
            assertThat(again.count("SELECT count(*) FROM event_data WHERE data_index IS NULL")).isZero();
            assertThat(again.websiteJson(site, "event-data/stats?" + DAY).toString())
                    .isEqualTo("{\"events\":3,\"properties\":5,\"records\":6}");
        } finally {
            again.close();
        }
    }
}
