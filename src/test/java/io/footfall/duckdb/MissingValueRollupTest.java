package io.footfall.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.store.SessionValueKind;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value rollups keep no row for a missing value (V28): no tag, an empty title, no query string. The
 * answers stay what the event table gives; a data directory from before V28 loses those rows (and their day
 * sums) at the next start and answers the same.
 *
 * <pre>
 * A  visit 1: 10:00 /a tag t1, title "Home" | 10:05 /b no tag, title "", ?x=1   (folded)
 * B  visit 1: 10:10 /a no tag, title ""                                          (folded)
 *    visit 2: 12:00 /c tag t1, no title, ?y=2                                    (pending)
 * C  visit 1: 11:00 /a no tag, title "Home", ''                                  (pending)
 * </pre>
 */
class MissingValueRollupTest {
    static final String RANGE = TestServer.range("2026-03-07T00:00:00Z", "2026-03-07T23:59:59Z");
    static final String[] QUERIES = {"type=tag", "type=title", "type=query", "type=path", "type=hostname", "type=title&title=neq.Home",
            "type=tag&tag=neq.t2"};

    static CollectedHit hit(UUID website, UUID session, UUID visit, String time, String path, String query, String title, String tag) {
        Instant at = Instant.parse("2026-03-07T" + time + ":00Z");
        var attrs = new Event.SessionAttributes("chrome", "Windows 10", "desktop", "1920x1080", "en-US", "DE", null, null, null);
        var campaign = new Event.Campaign(null, null, null, null, null, null, null, null, null, null, null);
        Event e = new Event(UUID.randomUUID(), website, session, visit, at, 1, null, new Event.Page("example.com", path, query, title, tag),
                new Event.Referrer(null, null, null), campaign, attrs, Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), website, session, null, at, List.of());
    }

    static void send(TestServer server, UUID w) {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();
        UUID a1 = UUID.randomUUID(), b1 = UUID.randomUUID(), b2 = UUID.randomUUID(), c1 = UUID.randomUUID();
        server.append(hit(w, a, a1, "10:00", "/a", "", "Home", "t1"), hit(w, a, a1, "10:05", "/b", "x=1", "", null),
                hit(w, b, b1, "10:10", "/a", "", "", null));
        server.fold();
        server.append(hit(w, b, b2, "12:00", "/c", "y=2", null, "t1"), hit(w, c, c1, "11:00", "/a", "", "Home", ""));
    }

    static long missingRows(TestServer server) {
        long n = 0;
        for (SessionValueKind k : SessionValueKind.values()) {
            n += server.count("SELECT count(*) FROM " + k.visitTable() + " WHERE value IS NULL OR value = ''");
            n += server.count("SELECT count(*) FROM " + k.sessionTable() + " WHERE value IS NULL OR value = ''");
        }
        return n + server.count("SELECT count(*) FROM visit_value_day WHERE value IS NULL OR value = ''")
                + server.count("SELECT count(*) FROM session_value_day WHERE value IS NULL OR value = ''");
    }

    static String metric(TestServer server, String site, String path) {
        return server.websiteJson(site, path + "&" + RANGE).toString();
    }

    /** Every answer through the rollups equals the event table's (os=c.Windows matches every hit and forces the events). */
    static void assertExact(TestServer server, String site) {
        for (String q : QUERIES) {
            for (String route : new String[]{"metrics?", "metrics/expanded?"}) {
                assertThat(metric(server, site, route + q)).as(route + q).isEqualTo(metric(server, site, route + q + "&os=c.Windows"));
            }
        }
        assertThat(metric(server, site, "metrics?type=tag")).isEqualTo("[{\"x\":\"t1\",\"y\":2}]");
        assertThat(metric(server, site, "metrics?type=title")).isEqualTo("[{\"x\":\"Home\",\"y\":2}]");
        assertThat(metric(server, site, "metrics?type=query")).isEqualTo("[{\"x\":\"x=1\",\"y\":1},{\"x\":\"y=2\",\"y\":1}]");
        assertThat(metric(server, site, "metrics/expanded?type=tag")).isEqualTo(
                "[{\"name\":\"t1\",\"pageviews\":2,\"visitors\":2,\"visits\":2,\"bounces\":2,\"totaltime\":0}]");
    }

    @Test
    void noRowsForMissingValuesAndExactAnswers(@TempDir Path dir) {
        try (TestServer server = TestServer.start(dir, Map.of())) {
            String site = server.createWebsite("Missing values", "example.com");
            UUID w = UUID.fromString(site);
            send(server, w);
            assertExact(server, site);
            server.fold();
            assertThat(missingRows(server)).isZero();
            // Only the present values have rows: t1 in two visits of two sessions, "Home" in visits A1 and C1.
            assertThat(server.count("SELECT count(*) FROM visit_value_tag WHERE website_id = ?::UUID", site)).isEqualTo(2);
            assertThat(server.count("SELECT count(*) FROM session_value_tag WHERE website_id = ?::UUID", site)).isEqualTo(2);
            assertThat(server.count("SELECT count(*) FROM visit_value_title WHERE website_id = ?::UUID", site)).isEqualTo(2);
            assertThat(server.count("SELECT count(*) FROM visit_value_query WHERE website_id = ?::UUID", site)).isEqualTo(2);
            assertThat(server.count("SELECT count(*) FROM visit_value_path WHERE website_id = ?::UUID", site)).isEqualTo(5);
            assertThat(server.count("SELECT sum(visits) FROM visit_value_day WHERE website_id = ?::UUID AND kind = 6", site)).isEqualTo(2);
            assertExact(server, site);
        }
    }

    @Test
    void anOlderStoreLosesItsMissingValueRowsAndAnswersTheSame(@TempDir Path dir) throws Exception {
        String site;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            site = first.createWebsite("Before V28", "example.com");
            send(first, UUID.fromString(site));
            first.fold();
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // What the folds wrote before V28: a row per visit and per session for the missing tag and title too.
                    for (String[] k : new String[][]{{"tag", "6", "e.tag"}, {"title", "3", "e.page_title"}, {"query", "4", "nullif(e.url_query, '')"}}) {
                        String v = k[2];
                        st.execute("INSERT INTO visit_value_" + k[0] + " SELECT e.website_id, n.num, " + v + ", count(*), min(created_at), "
                                + "max(created_at) FROM event e JOIN visit_number n USING (website_id, visit_id) WHERE " + v + " IS NULL OR " + v
                                + " = '' GROUP BY ALL");
                        st.execute("INSERT INTO session_value_" + k[0] + " SELECT e.website_id, n.num, " + v + ", min(created_at), "
                                + "max(created_at) FROM event e JOIN session_number n USING (website_id, session_id) WHERE " + v + " IS NULL OR "
                                + v + " = '' GROUP BY ALL");
                        // and the day sums over them (groups of their own: no missing value has one now)
                        String missing = " WHERE value IS NULL OR value = '' GROUP BY ALL";
                        st.execute("INSERT INTO visit_value_day SELECT website_id, " + k[1] + ", value, date_trunc('day', first_at), sum(views), "
                                + "count(*), count(*) FILTER (WHERE views = 1), sum(date_diff('second', first_at, last_at)) FROM visit_value_" + k[0] + missing);
                        st.execute("INSERT INTO session_value_day SELECT website_id, " + k[1] + ", value, date_trunc('day', first_at), count(*) "
                                + "FROM session_value_" + k[0] + missing);
                    }
                    st.execute("DELETE FROM schema_version WHERE version = 28");
                }
                return null;
            });
            assertThat(missingRows(first)).isPositive();
            assertThat(first.count("SELECT sum(visits) FROM visit_value_day WHERE kind = 6")).isEqualTo(2 + 3); // t1, and A1, B1, C1 without
            assertExact(first, site); // the readers never answered those rows either
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            assertThat(missingRows(again)).isZero();
            assertThat(again.count("SELECT sum(visits) FROM visit_value_day WHERE kind = 6")).isEqualTo(2);
            assertThat(again.count("SELECT sum(rows) FROM session_value_day WHERE kind = 3")).isEqualTo(2);
            assertExact(again, site);
        }
    }
}
