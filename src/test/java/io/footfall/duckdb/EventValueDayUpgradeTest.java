package io.footfall.duckdb;

import io.footfall.http.SessionValueRollupTest;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory from before V52 has events but an empty {@code event_value_day}: the next start fills it from the
 * folded events (path per event; referrer per event unless it is the site's own hostname less {@code www.}), and the
 * filter pickers answer as before. A website reset removes its rows.
 */
class EventValueDayUpgradeTest {

    @Test
    void theDayCountsAreFilledFromTheStoredEventsAtTheNextStart(@TempDir Path dir) {
        String site;
        String values = "values?type=referrer&" + TestServer.range("2026-03-06T00:00:00Z", "2026-03-09T23:59:59Z");
        String paths = "values?type=path&" + TestServer.range("2026-03-06T00:00:00Z", "2026-03-09T23:59:59Z");
        String beforeReferrers;
        String beforePaths;
        TestServer first = TestServer.start(dir, Map.of());
        try {
            site = first.createWebsite("Upgrade", "example.com");
            UUID w = UUID.fromString(site);
            UUID a = UUID.randomUUID(), b = UUID.randomUUID();
            first.append(SessionValueRollupTest.hit(w, a, "08:00", "example.com", "/a", null, "t.co", null, null, 1),
                    SessionValueRollupTest.hit(w, a, "09:10", "www.example.com", "/b", null, "example.com", null, null, 1),
                    SessionValueRollupTest.hit(w, a, "09:20", "www.example.com", "/b", null, "www.example.com", null, null, 2),
                    SessionValueRollupTest.hit(w, b, "10:00", "example.com", "/a", null, "t.co", null, null, 1));
            first.fold();
            beforeReferrers = first.websiteJson(site, values).toString();
            beforePaths = first.websiteJson(site, paths).toString();
            try {
                first.server().stores().connections().write(c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("DELETE FROM event_value_day");
                    }
                    return null;
                });
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        } finally {
            first.close();
        }
        TestServer again = TestServer.start(dir, Map.of());
        try {
            List<Map<String, Object>> rows = again.query("SELECT kind, value, day::VARCHAR AS day, events FROM event_value_day ORDER BY kind, value");
            assertThat(rows.toString()).isEqualTo("[{kind=1, value=/a, day=2026-03-07 00:00:00, events=2}, {kind=1, value=/b, day=2026-03-07 00:00:00, events=2}, "
                    + "{kind=2, value=t.co, day=2026-03-07 00:00:00, events=2}, {kind=2, value=www.example.com, day=2026-03-07 00:00:00, events=1}]");
            assertThat(again.websiteJson(site, values).toString()).isEqualTo(beforeReferrers)
                    .isEqualTo("[{\"value\":\"t.co\",\"count\":2},{\"value\":\"www.example.com\",\"count\":1}]");
            assertThat(again.websiteJson(site, paths).toString()).isEqualTo(beforePaths)
                    .isEqualTo("[{\"value\":\"/a\",\"count\":2},{\"value\":\"/b\",\"count\":2}]");
            assertThat(again.http().post("/api/websites/" + site + "/reset", null, again.adminToken()).status()).isEqualTo(200);
            assertThat(again.count("SELECT count(*) FROM event_value_day")).isZero();
        } finally {
            again.close();
        }
    }
}
