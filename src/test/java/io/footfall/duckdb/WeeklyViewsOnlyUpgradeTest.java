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
 * A data directory from before V21 has session_hour's slot links joined over every row (custom-event hours
 * too) and hour_slot_gap counting them; the migration and the start-up fill give what folding now writes
 * (links among rows with views only), and the weekly heatmap then counts pageviews only.
 */
class WeeklyViewsOnlyUpgradeTest {
    private static final String LINKS = "SELECT hour, prev_slot, first_above, first_below FROM session_hour ORDER BY session_id, hour";
    private static final String GAPS = "SELECT hour, weeks, rows FROM hour_slot_gap ORDER BY hour, weeks";

    @Test
    void migrationRelinksSlotsAmongViews(@TempDir Path dir) throws Exception {
        String site;
        String weekly = "sessions/weekly?timezone=Europe/Berlin&" + TestServer.range("2026-10-01T00:00:00Z", "2026-11-10T00:00:00Z");
        String links, gaps;
        TestServer first = TestServer.start(dir, Map.of());
        try {
            site = first.createWebsite("Upgrade", "example.com");
            UUID w = UUID.fromString(site), a = UUID.randomUUID(), b = UUID.randomUUID();
            // a: a custom event a week before its views in the same slot, and next to them across the DST change; b: events only.
            first.append(hit(w, a, "2026-10-18T10:20:00Z", 2), hit(w, a, "2026-10-18T09:20:00Z", 2), hit(w, a, "2026-10-25T10:05:00Z", 1),
                    hit(w, a, "2026-11-01T10:30:00Z", 1), hit(w, b, "2026-10-25T12:00:00Z", 2));
            first.fold();
            links = first.query(LINKS).toString();
            gaps = first.query(GAPS).toString();
            assertThat(first.count("SELECT sum(rows) FROM hour_slot_gap")).isEqualTo(2); // a's two hours with views
            // Sunday 11 local (CET): a by its views on the 25th and the 1st; the events place nobody.
            assertThat(first.websiteJson(site, weekly).toString()).startsWith("[[0,0,0,0,0,0,0,0,0,0,0,1,0,");
            String script = new String(WeeklyViewsOnlyUpgradeTest.class.getResourceAsStream("/db/duckdb/V21__weekly_views_only.sql").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // What V20 wrote: links over every row, gaps counting every row.
                    st.execute("UPDATE session_hour SET prev_slot = x.p FROM (SELECT session_id, hour, lag(hour) OVER (PARTITION BY session_id, "
                            + "date_diff('hour', TIMESTAMP '1970-01-05', hour) % 168 ORDER BY hour) AS p FROM session_hour) x "
                            + "WHERE x.session_id = session_hour.session_id AND x.hour = session_hour.hour");
                    st.execute("DELETE FROM hour_slot_gap");
                    st.execute("INSERT INTO hour_slot_gap SELECT website_id, hour, coalesce(date_diff('hour', prev_slot, hour) // 168, 0), count(*) "
                            + "FROM session_hour GROUP BY ALL");
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
            assertThat(again.query(LINKS).toString()).isEqualTo(links);
            assertThat(again.query(GAPS).toString()).isEqualTo(gaps);
            assertThat(again.websiteJson(site, weekly).toString()).startsWith("[[0,0,0,0,0,0,0,0,0,0,0,1,0,");
        } finally {
            again.close();
        }
    }
}
