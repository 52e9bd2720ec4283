package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/admin/aggregate: admin only, date optional (yesterday UTC) and strictly YYYY-MM-DD; the counts read before
 * and after it are the same exact numbers (that it folds DuckDB's pending events: io.footfall.duckdb.AggregateFoldsTest).
 * The server runs with QUERY_PATH=compare, so each DuckDB read is also checked against the raw-events reference.
 */
public class TinyTrailAggregateTest {
    static TestServer server;
    static String adminKey;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("QUERY_PATH", "compare"));
        adminKey = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static io.footfall.testing.HttpClientForTests.Response aggregate(String body, String key) {
        Map<String, String> headers = key == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-API-KEY", key);
        return server.http().send("POST", "/api/v1/admin/aggregate", body, null, headers);
    }

    @Test
    void answersTheDocumentedMessageForTheDateOrYesterday() {
        var res = aggregate("{\"date\":\"2026-03-18\"}", adminKey);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"message\":\"Aggregation completed for 2026-03-18\"}}");
        // the date is read in UTC: yesterday is the server's UTC yesterday (a run across midnight UTC may see either)
        LocalDate before = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (String body : new String[]{null, "", "{}", "{\"date\":null}"}) {
            var r = aggregate(body, adminKey);
            LocalDate after = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            assertThat(r.status()).as(String.valueOf(body)).isEqualTo(200);
            assertThat(r.json().get("data").get("message").asText()).as(String.valueOf(body))
                    .isIn("Aggregation completed for " + before, "Aggregation completed for " + after);
        }
    }

    @Test
    void aBadDateIsInvalidPayload() {
        String[][] cases = {
                {"{\"date\":\"2026-3-18\"}", "'date' must be in YYYY-MM-DD format"},
                {"{\"date\":\"18/03/2026\"}", "'date' must be in YYYY-MM-DD format"},
                {"{\"date\":\"2026-03-18T00:00:00Z\"}", "'date' must be in YYYY-MM-DD format"},
                {"{\"date\":\"yesterday\"}", "'date' must be in YYYY-MM-DD format"},
                {"{\"date\":\"2026-02-30\"}", "'date' is not a calendar date"},
                {"{\"date\":\"2026-13-01\"}", "'date' is not a calendar date"},
                {"{\"date\":20260318}", "'date' must be a string in YYYY-MM-DD format"},
                {"{\"date\":", "Malformed JSON body"},
                {"[\"2026-03-18\"]", "Body must be a JSON object"},
        };
        for (String[] c : cases) {
            var res = aggregate(c[0], adminKey);
            assertThat(res.status()).as(c[0]).isEqualTo(400);
            assertThat(res.body()).as(c[0]).isEqualTo("{\"status\":\"error\",\"error\":{\"code\":\"INVALID_PAYLOAD\",\"message\":\""
                    + c[1].replace("\"", "\\\"") + "\"}}");
        }
    }

    @Test
    void onlyAdminsMayAggregate() {
        var none = aggregate("{}", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").get("code").asText()).isEqualTo("UNAUTHORIZED");
        var bad = aggregate("{}", "tt_not-a-key");
        assertThat(bad.status()).isEqualTo(401);

        String account = server.http().send("POST", "/api/v1/accounts", "{\"name\":\"Aggregators\"}", null,
                Map.of("X-API-KEY", adminKey)).json().get("data").get("id").asText();
        var user = server.http().send("POST", "/api/v1/users", "{\"account_id\":\"" + account + "\",\"role\":\"user\"}", null,
                Map.of("X-API-KEY", adminKey));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        var forbidden = aggregate("{\"date\":\"2026-03-18\"}", user.json().get("data").get("apiKey").asText());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("error").get("code").asText()).isEqualTo("FORBIDDEN");
        // a non-admin is refused before its body is looked at
        assertThat(aggregate("{\"date\":\"bad\"}", user.json().get("data").get("apiKey").asText()).status()).isEqualTo(403);
    }

    /** Events of 2026-03-18 read the same before and after the aggregation (which folds them on DuckDB). */
    @Test
    void countsAreTheSameBeforeAndAfterAggregating() {
        String site = sendDay(server);
        String range = TestServer.range("2026-03-18T00:00:00Z", "2026-03-18T23:59:59.999Z");
        JsonNode before = server.websiteJson(site, "stats?" + range);
        JsonNode pagesBefore = server.websiteJson(site, "metrics?type=path&" + range);

        var res = aggregate("{\"date\":\"2026-03-18\"}", adminKey);
        assertThat(res.status()).as(res.body()).isEqualTo(200);

        JsonNode after = server.websiteJson(site, "stats?" + range);
        assertThat(after).isEqualTo(before);
        assertThat(after.get("pageviews").asLong()).isEqualTo(6);
        assertThat(after.get("visitors").asLong()).isEqualTo(3);
        assertThat(after.get("visits").asLong()).isEqualTo(3);
        assertThat(after.get("bounces").asLong()).isEqualTo(1);
        assertThat(server.websiteJson(site, "metrics?type=path&" + range)).isEqualTo(pagesBefore);
        assertThat(pagesBefore.toString()).isEqualTo("[{\"x\":\"/\",\"y\":3},{\"x\":\"/pricing\",\"y\":2},{\"x\":\"/docs\",\"y\":1}]");
    }

    /** Six pageviews of three visitors on 2026-03-18 to a new website of {@code server}; returns its id. */
    public static String sendDay(TestServer server) {
        String site = server.createWebsite("Aggregated", "agg.example");
        long day = Instant.parse("2026-03-18T00:00:00Z").getEpochSecond();
        String[][] hits = {
                // path, ip, seconds into the day
                {"/", "8.8.8.1", "3600"}, {"/pricing", "8.8.8.1", "3700"}, {"/", "8.8.8.2", "7200"},
                {"/docs", "8.8.8.3", "80000"}, {"/", "8.8.8.3", "80100"}, {"/pricing", "8.8.8.3", "80200"},
        };
        for (String[] h : hits) {
            var res = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + site
                    + "\",\"url\":\"" + h[0] + "\",\"hostname\":\"agg.example\",\"timestamp\":" + (day + Long.parseLong(h[2])) + "}}",
                    null, Map.of("User-Agent", TinyTrailCollectTest.BROWSER, "X-Forwarded-For", h[1]));
            assertThat(res.status()).as(res.body()).isEqualTo(200);
        }
        return site;
    }
}
