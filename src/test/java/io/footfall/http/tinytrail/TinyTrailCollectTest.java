package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/collect: 202 when durable, 204 drops, 400, CORS, per-IP limit; what it stores the Umami API counts. */
class TinyTrailCollectTest {
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    static TestServer server;
    static String adminKey;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("TINYTRAIL_COLLECT_RATE_LIMIT", "100000"));
        adminKey = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String site(String domain, String excludedIps) {
        String account = server.http().send("POST", "/api/v1/accounts", "{\"name\":\"" + domain + "\"}", null,
                Map.of("X-API-KEY", adminKey)).json().get("data").get("id").asText();
        var res = server.http().send("POST", "/api/v1/websites", "{\"domain\":\"" + domain + "\",\"account_id\":\"" + account
                + "\",\"excluded_ips\":" + excludedIps + "}", null, Map.of("X-API-KEY", adminKey));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("id").asText();
    }

    static HttpClientForTests.Response collect(String body, String userAgent) {
        return server.http().send("POST", "/api/v1/collect", body, null,
                Map.of("Content-Type", "application/json", "User-Agent", userAgent, "Origin", "https://shop.example"));
    }

    static String event(String site, String type, String path, String extra) {
        return "{\"website_id\":\"" + site + "\",\"event_type\":\"" + type + "\",\"url\":\"https://shop.example" + path
                + "\",\"path\":\"" + path + "\"" + extra + "}";
    }

    @Test
    void preflightEchoesTheOriginWithCredentials() {
        var res = server.http().send("OPTIONS", "/api/v1/collect", null, null,
                Map.of("Origin", "https://shop.example", "Access-Control-Request-Method", "POST"));
        assertThat(res.status()).isEqualTo(204);
        assertThat(res.header("access-control-allow-origin")).isEqualTo("https://shop.example");
        assertThat(res.header("access-control-allow-methods")).isEqualTo("POST, OPTIONS");
        assertThat(res.header("access-control-allow-headers")).isEqualTo("Content-Type");
        assertThat(res.header("access-control-allow-credentials")).isEqualTo("true");
        assertThat(res.header("vary")).isEqualTo("Origin");
    }

    @Test
    void acceptedEventsAreCountedByTheUmamiApi() {
        String site = site("counted.example", "[]");
        var first = collect(event(site, "page_view", "/", ",\"referrer\":\"https://t.co/x\",\"screen_width\":1920,\"screen_height\":1080"), BROWSER);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(first.header("access-control-allow-origin")).isEqualTo("https://shop.example");
        assertThat(first.header("access-control-allow-credentials")).isEqualTo("true");
        assertThat(collect(event(site, "page_view", "/pricing", ",\"utm_source\":\"twitter\""), BROWSER).status()).isEqualTo(202);
        assertThat(collect(event(site, "scroll_50", "/pricing", ""), BROWSER).status()).isEqualTo(202);
        assertThat(collect(event(site, "custom", "/pricing", ",\"properties\":{\"name\":\"signup\",\"plan\":\"pro\"}"), BROWSER).status())
                .isEqualTo(202);

        String range = "startAt=0&endAt=" + (System.currentTimeMillis() + 60_000);
        JsonNode stats = server.websiteJson(site, "stats?" + range);
        assertThat(stats.get("pageviews").asLong()).as(stats.toString()).isEqualTo(2);
        assertThat(stats.get("visitors").asLong()).isEqualTo(1);
        JsonNode events = server.websiteJson(site, "metrics?type=event&" + range);
        assertThat(events.toString()).contains("{\"x\":\"scroll_50\",\"y\":1}", "{\"x\":\"signup\",\"y\":1}");
        assertThat(server.count("SELECT COUNT(*) FROM event WHERE website_id = ?::UUID AND utm_source = 'twitter'", site)).isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM event WHERE website_id = ?::UUID AND screen = '1920x1080'", site)).isEqualTo(4);
        assertThat(server.count("SELECT COUNT(*) FROM event_data WHERE website_id = ?::UUID AND data_key = 'plan'", site)).isEqualTo(1);
    }

    @Test
    void unknownSitesBotsAndExcludedIpsAreAnsweredSilently() {
        String site = site("dropped.example", "[]");
        String excluded = site("excluded.example", "[\"10.0.0.0/8\",\"127.0.0.0/8\"]");
        String v6 = site("excluded6.example", "[\"::1/128\",\"2001:db8::/32\"]");
        assertThat(collect(event("00000000-0000-4000-8000-000000000000", "page_view", "/", ""), BROWSER).status()).isEqualTo(204);
        assertThat(collect(event("not-a-uuid", "page_view", "/", ""), BROWSER).status()).isEqualTo(204);
        assertThat(collect(event(site, "page_view", "/", ""), "Googlebot/2.1 (+http://www.google.com/bot.html)").status()).isEqualTo(204);
        var res = collect(event(excluded, "page_view", "/", ""), BROWSER);
        assertThat(res.status()).isEqualTo(204);
        assertThat(res.body()).isEmpty();
        assertThat(collect(event(v6, "page_view", "/", ""), BROWSER).status()).isEqualTo(202); // 127.0.0.1 is not in the v6 list
        assertThat(server.count("SELECT COUNT(*) FROM event WHERE website_id IN (?::UUID, ?::UUID)", site, excluded)).isZero();
        // ... but the bot and the excluded visitor are kept flagged (TinyTrailFlaggedTrafficTest)
        assertThat(server.count("SELECT COUNT(*) FROM flagged_event WHERE website_id = ?::UUID AND flag = 'bot'", site)).isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM flagged_event WHERE website_id = ?::UUID AND flag = 'excluded'", excluded)).isEqualTo(1);
    }

    @Test
    void badBodiesAreInvalidPayload() {
        String site = site("bad.example", "[]");
        String[][] cases = {
                {"{", "Malformed JSON body"},
                {"{\"event_type\":\"page_view\",\"url\":\"https://a.example/\",\"path\":\"/\"}", "'website_id' is required"},
                {"{\"website_id\":\"" + site + "\",\"url\":\"https://a.example/\",\"path\":\"/\"}", "'event_type' is required"},
                {"{\"website_id\":\"" + site + "\",\"event_type\":\"page_view\",\"path\":\"/\"}", "'url' is required"},
                {"{\"website_id\":\"" + site + "\",\"event_type\":\"page_view\",\"url\":\"https://a.example/\"}", "'path' is required"},
                {"{\"website_id\":\"" + site + "\",\"event_type\":\"page_view\",\"url\":\"/relative\",\"path\":\"/\"}", "'url' must be an absolute http(s) URL"},
                {event(site, "page view", "/", ""), "'event_type' must be 1 to 50 letters, digits or _ . : -"},
                {event(site, "page_view", "/", ",\"screen_width\":\"wide\""), "'screen_width' must be a number from 0 to 100000"},
                {event(site, "custom", "/", ",\"properties\":[1]"), "'properties' must be an object"},
        };
        for (String[] c : cases) {
            var res = collect(c[0], BROWSER);
            assertThat(res.status()).as(c[0]).isEqualTo(400);
            assertThat(res.body()).isEqualTo("{\"status\":\"error\",\"error\":{\"code\":\"INVALID_PAYLOAD\",\"message\":\""
                    + c[1].replace("\"", "\\\"") + "\"}}");
        }
        assertThat(server.count("SELECT COUNT(*) FROM event WHERE website_id = ?::UUID", site)).isZero();
    }

    @Test
    void collectIsLimitedPerIp() {
        try (TestServer limited = TestServer.start(Map.of("TINYTRAIL_COLLECT_RATE_LIMIT", "2", "TINYTRAIL_COLLECT_RATE_WINDOW", "60"))) {
            for (int i = 0; i < 2; i++) {
                assertThat(limited.http().send("POST", "/api/v1/collect", "{}", null, Map.of("User-Agent", BROWSER)).status())
                        .isEqualTo(400);
            }
            var res = limited.http().send("POST", "/api/v1/collect", "{}", null, Map.of("User-Agent", BROWSER));
            assertThat(res.status()).isEqualTo(429);
            assertThat(Long.parseLong(res.header("retry-after"))).isBetween(1L, 60L);
            assertThat(res.json().get("error").get("code").asText()).isEqualTo("RATE_LIMITED");
        }
    }
}
