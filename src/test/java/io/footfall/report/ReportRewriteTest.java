package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.query.EventScope;
import io.footfall.store.EventStore;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report queries rewritten for speed answer exactly what their straightforward first versions (kept here as
 * references) answer, on seeded random traffic, for every parameter combination and with and without filters.
 */
class ReportRewriteTest {
    static TestServer server;
    static UUID website;
    static EventStore store;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void generate() throws InterruptedException {
        server = TestServer.start();
        website = UUID.fromString(server.createWebsite("Generated", "example.com"));
        int rows = GeneratedTraffic.append(server, website, 700, 17);
        assertThat(rows).isGreaterThan(3000);
        store = server.server().stores().events();
        // appends may reach DuckDB in the background: compare only once every row is there and the table is settled
        String distinct = "SELECT count(DISTINCT event_id) FROM event WHERE website_id = ?";
        String all = "SELECT count(*) FROM event WHERE website_id = ?";
        long deadline = System.currentTimeMillis() + 120_000;
        long before = -1;
        while (System.currentTimeMillis() < deadline) {
            long now = server.count(all, website);
            if (now == before && server.count(distinct, website) == rows) break;
            before = now;
            Thread.sleep(1000);
        }
        assertThat(server.count(distinct, website)).isEqualTo(rows);
        System.out.printf("generated traffic: %d hits, %d event rows%n", rows, server.count(all, website));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The whole generated range, or a cut one (rows and visits on both sides of its ends), with optional filters. */
    static List<EventScope> scopes() {
        Instant start = GeneratedTraffic.START;
        return List.of(
                scope(start, start.plusSeconds(12 * 86400), Map.of()),
                scope(start.plusSeconds(2 * 86400 + 3600), start.plusSeconds(6 * 86400 + 1800), Map.of()),
                scope(start, start.plusSeconds(12 * 86400), Map.of("country", "eq.DE")),
                scope(start, start.plusSeconds(12 * 86400), Map.of("path", "neq./pricing")));
    }

    static EventScope scope(Instant from, Instant to, Map<String, String> filters) {
        return ReportScopes.of(website, store, from, to, filters);
    }

    static JsonNode parameters(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void journeyAgreesWithTheWindowFunctionReference() throws Exception {
        int compared = 0;
        for (EventScope scope : scopes()) {
            for (int steps = 3; steps <= 7; steps++) {
                for (String start : new String[]{null, "/", "signup", "/nowhere"}) {
                    for (String end : new String[]{null, "/pricing", "purchase"}) {
                        String p = "{\"steps\":" + steps + (start == null ? "" : ",\"startStep\":\"" + start + "\"")
                                + (end == null ? "" : ",\"endStep\":\"" + end + "\"") + "}";
                        var expected = JourneyReference.run(store, scope, parameters(p));
                        assertThat(Journey.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, parameters(p))).as(p + " " + scope.params()).isEqualTo(expected);
                        if (!expected.isEmpty()) compared++;
                    }
                }
            }
        }
        assertThat(compared).as("combinations with rows").isGreaterThan(100);
    }

    @Test
    void attributionAgreesWithTheWholeRowReference() throws Exception {
        int compared = 0;
        for (EventScope scope : scopes()) {
            for (String model : new String[]{"first-click", "last-click", "firstClick"}) {
                for (String step : new String[]{"\"type\":\"path\",\"step\":\"/pricing\"", "\"type\":\"event\",\"step\":\"purchase\"",
                        "\"type\":\"path\",\"step\":\"/blog*\""}) {
                    for (String currency : new String[]{"", ",\"currency\":\"USD\"", ",\"currency\":\"eur\""}) {
                        String p = "{\"model\":\"" + model + "\"," + step + currency + "}";
                        var expected = AttributionReference.run(store, scope, parameters(p));
                        assertThat(Attribution.run(new io.footfall.accelerate.duckdb.DuckDbReportAccelerator(), store, scope, parameters(p))).as(p + " " + scope.params()).isEqualTo(expected);
                        if (!((List<?>) expected.get("referrer")).isEmpty()) compared++;
                    }
                }
            }
        }
        assertThat(compared).as("combinations with rows").isGreaterThan(40);
    }
}
