package io.footfall.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.http.ExpandedRollupTest;
import io.footfall.store.SessionValueKind;
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
 * DuckDB's value rollups name visits and sessions by number (V44: visit_number, session_number): numbered per website
 * in order of first view, a number kept through a re-ship, a website's numbers gone with its reset, and a store from
 * before V44 refilled with numbered rows at its next start.
 */
class ValueRollupNumbersTest {

    private static CollectedHit view(UUID site, UUID session, UUID visit, String time, String path) {
        return ExpandedRollupTest.at(ExpandedRollupTest.hit(site, session, visit, time, path, null, null, null, null, 1), "2026-03-04");
    }

    private static long number(TestServer server, String table, String key, UUID id) {
        return server.count("SELECT num FROM " + table + " WHERE " + key + " = ?::UUID", id.toString());
    }

    @Test
    void numbersFollowFirstViewsSurviveAReshipAndGoWithAReset() throws Exception {
        try (TestServer server = TestServer.start()) {
            UUID a = UUID.fromString(server.createWebsite("Numbered", "example.com"));
            UUID b = UUID.fromString(server.createWebsite("Numbered too", "example.com"));
            UUID s1 = UUID.randomUUID(), v1 = UUID.randomUUID(), s2 = UUID.randomUUID(), v2 = UUID.randomUUID();
            CollectedHit first = view(a, s1, v1, "10:00", "/x");
            // v2's first view (09:00) comes before v1's, though it arrives in the same batch after it
            server.append(first, view(a, s1, v1, "10:05", "/y"), view(a, s2, v2, "09:00", "/x"), view(b, UUID.randomUUID(), UUID.randomUUID(), "12:00", "/x"));
            server.fold();
            assertThat(number(server, "visit_number", "visit_id", v2)).isEqualTo(1);
            assertThat(number(server, "visit_number", "visit_id", v1)).isEqualTo(2);
            assertThat(number(server, "session_number", "session_id", s2)).isEqualTo(1);
            assertThat(number(server, "session_number", "session_id", s1)).isEqualTo(2);
            assertThat(server.count("SELECT max(num) FROM visit_number WHERE website_id = ?::UUID", b.toString())).isEqualTo(1);

            // a re-shipped view: its visit's rows rebuilt under the same number, counted once
            server.server().stores().events().deleteEvents(List.of(first.event().eventId()));
            server.append(first);
            server.fold();
            assertThat(number(server, "visit_number", "visit_id", v1)).isEqualTo(2);
            assertThat(server.count("SELECT count(*) FROM visit_number WHERE website_id = ?::UUID", a.toString())).isEqualTo(2);
            assertThat(server.count("SELECT sum(views) FROM visit_value_path WHERE website_id = ?::UUID AND visit_num = 2", a.toString())).isEqualTo(2);
            assertThat(server.count("SELECT count(*) FROM session_value_path WHERE website_id = ?::UUID AND session_num = 2", a.toString())).isEqualTo(2);
            assertThat(server.count("SELECT sum(views) FROM visit_value_day WHERE website_id = ?::UUID AND kind = 1", a.toString())).isEqualTo(3);

            // a later visit takes the next number
            UUID v3 = UUID.randomUUID();
            server.append(view(a, s1, v3, "13:00", "/z"));
            server.fold();
            assertThat(number(server, "visit_number", "visit_id", v3)).isEqualTo(3);
            assertThat(number(server, "session_number", "session_id", s1)).isEqualTo(2);

            assertThat(server.http().post("/api/websites/" + b + "/reset", null, server.adminToken()).status()).isEqualTo(200);
            for (String table : List.of("visit_number", "session_number", "visit_value_path", "session_value_path")) {
                assertThat(server.count("SELECT count(*) FROM " + table + " WHERE website_id = ?::UUID", b.toString())).as(table).isZero();
            }
            assertThat(server.count("SELECT count(*) FROM visit_number WHERE website_id = ?::UUID", a.toString())).isEqualTo(3);
        }
    }

    @Test
    void aStoreFromBeforeV44GetsNumberedRowsAtItsNextStart(@TempDir Path dir) throws Exception {
        String site;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            UUID a = UUID.fromString(first.createWebsite("Before V44", "example.com"));
            site = a.toString();
            UUID s = UUID.randomUUID(), v = UUID.randomUUID();
            first.append(view(a, s, v, "10:00", "/x"), view(a, s, v, "10:05", "/y"), view(a, s, v, "10:07", "/x"),
                    view(a, s, UUID.randomUUID(), "15:00", "/x"), view(a, UUID.randomUUID(), UUID.randomUUID(), "11:00", "/y"));
            first.fold();
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // The store as it was before V44: no numbers, value rows keyed by the ids (path rows only; V44 drops them all).
                    st.execute("DROP TABLE visit_number");
                    st.execute("DROP TABLE session_number");
                    for (SessionValueKind k : SessionValueKind.values()) {
                        st.execute("DROP TABLE " + k.visitTable());
                        st.execute("DROP TABLE " + k.sessionTable());
                        st.execute("CREATE TABLE " + k.visitTable() + " (website_id UUID NOT NULL, visit_id UUID NOT NULL, value VARCHAR, "
                                + "views INTEGER NOT NULL, first_at TIMESTAMP NOT NULL, last_at TIMESTAMP NOT NULL)");
                        st.execute("CREATE TABLE " + k.sessionTable() + " (website_id UUID NOT NULL, session_id UUID NOT NULL, value VARCHAR, "
                                + "first_at TIMESTAMP NOT NULL, last_at TIMESTAMP NOT NULL)");
                    }
                    st.execute("INSERT INTO visit_value_path SELECT website_id, visit_id, url_path, count(*), min(created_at), max(created_at) FROM event GROUP BY ALL");
                    st.execute("INSERT INTO session_value_path SELECT website_id, session_id, url_path, min(created_at), max(created_at) FROM event GROUP BY ALL");
                    st.execute("DELETE FROM schema_version WHERE version = 44");
                }
                return null;
            });
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            assertThat(again.count("SELECT count(*) FROM visit_number WHERE website_id = ?::UUID", site)).isEqualTo(3);
            assertThat(again.count("SELECT count(*) FROM session_number WHERE website_id = ?::UUID", site)).isEqualTo(2);
            // (visit, path) pairs: (v, /x) 2 views, (v, /y), (10:00's session's second visit, /x), (11:00, /y)
            assertThat(again.count("SELECT count(*) FROM visit_value_path")).isEqualTo(4);
            assertThat(again.count("SELECT sum(views) FROM visit_value_path")).isEqualTo(5);
            assertThat(again.count("SELECT sum(views) FROM visit_value_day WHERE kind = 1")).isEqualTo(5);
            assertThat(again.count("SELECT count(*) FROM session_value_path")).isEqualTo(3);
            assertThat(again.count("SELECT sum(rows) FROM session_value_day WHERE kind = 1")).isEqualTo(3);
            assertThat(again.count("SELECT count(*) FROM visit_value_path v JOIN visit_number n ON n.website_id = v.website_id AND n.num = v.visit_num"))
                    .isEqualTo(4);
            // the metrics read through the numbers: visitors per path
            assertThat(again.websiteJson(site, "metrics?type=path&" + TestServer.range("2026-03-04T00:00:00Z", "2026-03-04T23:59:59Z")).toString())
                    .isEqualTo("[{\"x\":\"/y\",\"y\":2},{\"x\":\"/x\",\"y\":1}]");
        }
    }
}
