package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.accelerate.duckdb.BulkLoads;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First-click attribution from the rollups fits a small DuckDB memory limit and answers what the events answer: at a
 * 512m MEMORY_LIMIT (DuckDB 80 MiB) the report over 90 days of the 10 M-event bench ran out of memory, while its
 * touch rows were kept whole for seven reads and de-duplicated all at once. Generated in bulk (as the bench's data
 * set): many converting sessions, most with a single touch row, some with two at their first instant.
 */
class FirstClickInSmallMemoryTest {
    static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
    static final int SESSIONS = 120_000;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void firstClickFitsASmallMemoryLimit() throws Exception {
        try (TestServer server = TestServer.start()) {
            UUID site = UUID.fromString(server.createWebsite("Many sessions", "example.com"));
            generate(server, site);
            EventStore store = server.server().stores().events();
            EventScope scope = ReportScopes.of(site, store, START, START.plusSeconds(90 * 86400L), Map.of());
            JsonNode first = JSON.readTree("{\"model\":\"first-click\",\"type\":\"path\",\"step\":\"/pricing\"}");
            Map<String, Object> expected = Attribution.plain(store, scope, first);
            assertThat(server.count("SELECT count(*) FROM session_touch WHERE website_id = ? AND len(touches) > 1", site))
                    .as("sessions with two touch rows at their first instant").isEqualTo(SESSIONS / 40);
            assertThat(((java.util.List<?>) expected.get("referrer"))).as("referrers").hasSize(4);
            // 40 MiB: the old statement needed 48 here, this one 32 (threads as MEMORY_LIMIT=512m gives DuckDB: each holds state)
            set(server, "threads", "2");
            set(server, "memory_limit", "40MiB");
            assertThat(Attribution.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, first)).isEqualTo(expected);
        }
    }

    /**
     * {@link #SESSIONS} sessions over 90 days, each landing with touch values (a referrer, UTM values or a click id) and
     * converting on /pricing a minute later; every 40th has a second row with other values at its first instant.
     */
    static void generate(TestServer server, UUID site) throws Exception {
        String rows = "SELECT md5('s' || i)::UUID AS session_id, md5('v' || i)::UUID AS visit_id, TIMESTAMP '2026-04-01' + to_seconds(i * 64) AS t, i"
                + " FROM range(" + SESSIONS + ") r(i)";
        String columns = "website_id, session_id, visit_id, created_at, event_type, hostname, url_path, referrer_domain, utm_source, utm_medium, utm_campaign, gclid";
        String landing = "SELECT uuid(), '" + site + "'::UUID, session_id, visit_id, t, 1, 'example.com', '/', ['google.com', 'bing.com', 't.co', NULL][1 + i % 4],"
                + " ['news', 'mail', NULL][1 + i % 3], CASE WHEN i % 3 < 2 THEN ['cpc', 'email'][1 + i % 2] END, CASE WHEN i % 5 = 0 THEN 'spring-' || (i % 7) END,"
                + " CASE WHEN i % 11 = 0 THEN 'g' || i END FROM rows";
        String second = "SELECT uuid(), '" + site + "'::UUID, session_id, visit_id, t, 1, 'example.com', '/features', 'duckduckgo.com', 'partner', NULL, NULL, NULL"
                + " FROM rows WHERE i % 40 = 0";
        String converting = "SELECT uuid(), '" + site + "'::UUID, session_id, visit_id, t + INTERVAL 1 MINUTE, 1, 'example.com', '/pricing', NULL, NULL, NULL, NULL, NULL FROM rows";
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO event (event_id, " + columns + ", ingest_seq) SELECT *, 0 FROM (WITH rows AS (" + rows + ") "
                        + landing + " UNION ALL " + second + " UNION ALL " + converting + ") ORDER BY 5");
                BulkLoads.rebuildRollups(c); // rows written past the folds, as a bulk load does
            }
            return null;
        });
    }

    static void set(TestServer server, String setting, String value) throws Exception {
        server.server().stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET GLOBAL " + setting + " = '" + value + "'");
            }
            return null;
        });
    }
}
