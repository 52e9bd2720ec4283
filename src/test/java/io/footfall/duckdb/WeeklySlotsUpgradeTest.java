package io.footfall.duckdb;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static io.footfall.http.HourlySeriesTest.hit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory from before V20 (no first_above / first_below, no hour_slot_gap) gets them from the
 * migration and the start-up fill, equal to what folding writes, and the weekly heatmap across a DST change
 * answers the same before and after.
 */
class WeeklySlotsUpgradeTest {
    private static final String LINKS = "SELECT count(*) FROM session_hour WHERE first_above IS NOT NULL OR first_below IS NOT NULL";

    @Test
    void migrationFillsWhatFoldsWrite(@TempDir Path dir) throws Exception {
        String site;
        String weekly = "sessions/weekly?timezone=Europe/Berlin&" + TestServer.range("2026-10-01T00:00:00Z", "2026-11-10T00:00:00Z");
        String before;
        long links, gaps;
        TestServer first = TestServer.start(dir, Map.of());
        try {
            site = first.createWebsite("Upgrade", "example.com");
            UUID w = UUID.fromString(site), a = UUID.randomUUID(), b = UUID.randomUUID();
            first.append(hit(w, a, "2026-10-18T10:20:00Z", 1), hit(w, a, "2026-10-25T11:10:00Z", 1), hit(w, a, "2026-10-25T10:05:00Z", 1),
                    hit(w, b, "2026-10-18T09:00:00Z", 1), hit(w, b, "2026-10-25T10:00:00Z", 1), hit(w, b, "2026-11-01T10:00:00Z", 1));
            first.fold();
            before = first.websiteJson(site, weekly).toString();
            // Sunday 11 local: a (25th 10:05 CET), b (all three); 12 local: a (18th CEST, 25th 11:10 CET).
            assertThat(before).startsWith("[[0,0,0,0,0,0,0,0,0,0,0,2,1,0,");
            links = first.count(LINKS);
            gaps = first.count("SELECT count(*) FROM hour_slot_gap");
            // a's hour at 11 on the 25th (below: the 18th at 10); b's at 10 on the 25th and the 1st (below: the 18th at 09)
            assertThat(links).isEqualTo(3);
            String script = new String(WeeklySlotsUpgradeTest.class.getResourceAsStream("/db/duckdb/V20__weekly_slots.sql").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE session_hour DROP COLUMN first_above");
                    st.execute("ALTER TABLE session_hour DROP COLUMN first_below");
                    st.execute("DROP TABLE hour_slot_gap");
                    for (String sql : io.footfall.store.Migrations.statements(script)) st.execute(sql);
                }
                return null;
            });
            assertThat(first.count("SELECT count(*) FROM hour_slot_gap")).isZero();
        } finally {
            first.close();
        }
        TestServer again = TestServer.start(dir, Map.of());
        try {
            assertThat(again.count(LINKS)).isEqualTo(links);
            assertThat(again.count("SELECT count(*) FROM hour_slot_gap")).isEqualTo(gaps);
            assertThat(again.websiteJson(site, weekly).toString()).isEqualTo(before);
        } finally {
            again.close();
        }
    }
}
