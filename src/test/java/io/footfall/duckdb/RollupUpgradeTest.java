package io.footfall.duckdb;

import io.footfall.http.SessionValueRollupTest;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory from before the session-value and hourly rollups (V4, V5) has events but empty rollup
 * tables: the next start fills them from the stored events, and the answers are those the events give.
 */
class RollupUpgradeTest {

    @Test
    void rollupsAddedByAnUpgradeAreFilledFromTheStoredEvents(@TempDir Path dir) {
        String site;
        String query = TestServer.range("2026-03-07T00:00:00Z", "2026-03-07T23:59:00Z");
        String before;
        TestServer first = TestServer.start(dir, Map.of());
        try {
            site = first.createWebsite("Upgrade", "example.com");
            UUID w = UUID.fromString(site);
            UUID a = UUID.randomUUID(), b = UUID.randomUUID();
            first.append(SessionValueRollupTest.hit(w, a, "08:00", "example.com", "/a", null, "t.co", null, null, 1),
                    SessionValueRollupTest.hit(w, a, "09:10", "example.com", "/b", null, null, null, null, 1),
                    SessionValueRollupTest.hit(w, b, "10:00", "example.com", "/a", null, null, null, null, 1));
            first.fold();
            before = answers(first, site, query);
            try {
                first.server().stores().connections().write(c -> {
                    try (Statement st = c.createStatement()) {
                        for (var k : io.footfall.store.SessionValueKind.values()) {
                            st.execute("DELETE FROM " + k.sessionTable());
                            st.execute("DELETE FROM " + k.visitTable());
                        }
                        st.execute("DELETE FROM session_hour");
                        st.execute("DELETE FROM event_type_hour");
                        st.execute("DELETE FROM visit_journey"); // V35
                        st.execute("DELETE FROM journey_item");
                        st.execute("DELETE FROM visit_touch"); // V40
                        st.execute("DELETE FROM session_touch"); // V42
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
            assertThat(again.count("SELECT count(*) FROM session_hour")).isEqualTo(3);
            assertThat(again.count("SELECT sum(events) FROM event_type_hour")).isEqualTo(3);
            assertThat(again.count("SELECT count(*) FROM session_value_path")).isEqualTo(3); // (a,/a) (a,/b) (b,/a)
            assertThat(again.count("SELECT sum(views) FROM visit_value_path")).isEqualTo(3);
            assertThat(again.count("SELECT count(*) FROM visit_journey")).isEqualTo(again.count("SELECT count(DISTINCT visit_id) FROM event"));
            assertThat(again.query("SELECT list(j.item ORDER BY v.first_at) AS entries FROM visit_journey v JOIN journey_item j ON j.id = v.e1")
                    .getFirst().get("entries").toString()).isEqualTo(again.query("SELECT list(url_path ORDER BY created_at) AS entries FROM "
                    + "(SELECT url_path, created_at, row_number() OVER (PARTITION BY visit_id ORDER BY created_at) AS n FROM event) WHERE n = 1")
                    .getFirst().get("entries").toString());
            assertThat(again.count("SELECT count(*) FROM visit_touch")).isEqualTo(again.count("SELECT count(DISTINCT visit_id) FROM event"));
            // the one touch value: the 08:00 view's referrer, the first row of its visit (the 09:10 view has none)
            // (since V50 those are early's rows at first_at)
            assertThat(again.count("SELECT sum(len(list_filter(early, lambda x: x.ts = first_at))) FROM visit_touch")).isEqualTo(1);
            assertThat(again.count("SELECT count(*) FROM visit_touch WHERE early[1].ts = first_at AND early[1].u.referrer = 't.co' AND early[1].u.paid = ''"
                    + " AND first_at = TIMESTAMP '2026-03-07 08:00:00' AND last_at = TIMESTAMP '2026-03-07 09:10:00'")).isEqualTo(1);
            // V41: that visit's two instants, and the one row at them with a touch value
            assertThat(again.count("SELECT count(*) FROM visit_touch WHERE len(mid_instants) = 0 AND first_at = TIMESTAMP '2026-03-07 08:00:00' AND last_at = TIMESTAMP '2026-03-07 09:10:00'"
                    + " AND len(early) = 1 AND early[1].ts = TIMESTAMP '2026-03-07 08:00:00' AND early[1].u.referrer = 't.co'")).isEqualTo(1);
            assertThat(again.count("SELECT sum(len(early)) FROM visit_touch")).isEqualTo(1);
            // V42: one row per session at its first instant, the 08:00 view's referrer its one touch row
            assertThat(again.count("SELECT count(*) FROM session_touch")).isEqualTo(again.count("SELECT count(DISTINCT session_id) FROM event"));
            assertThat(again.count("SELECT count(*) FROM session_touch WHERE len(touches) = 1 AND touches[1].referrer = 't.co'"
                    + " AND first_at = TIMESTAMP '2026-03-07 08:00:00'")).isEqualTo(1);
            assertThat(again.count("SELECT sum(len(touches)) FROM session_touch")).isEqualTo(1);
            assertThat(answers(again, site, query)).isEqualTo(before)
                    .contains("[{\"x\":\"/a\",\"y\":2},{\"x\":\"/b\",\"y\":1}]");
        } finally {
            again.close();
        }
    }

    private static String answers(TestServer s, String site, String range) {
        return s.websiteJson(site, "metrics?type=path&" + range) + " " + s.websiteJson(site, "metrics?type=referrer&" + range)
                + " " + s.websiteJson(site, "pageviews?unit=hour&timezone=UTC&" + range)
                + " " + s.websiteJson(site, "sessions/weekly?timezone=UTC&" + range)
                + " " + s.websiteJson(site, "metrics/expanded?type=path&" + range);
    }
}
