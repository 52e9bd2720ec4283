package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One store, two APIs: traffic sent to TinyTrail's {@code /api/v1/collect} is counted alike by the Umami
 * statistics routes, and traffic sent to Umami's {@code /api/send} alike by the TinyTrail reports. Each side's
 * numbers are also asserted exactly, so two equal wrong answers fail.
 */
class TinyTrailUmamiCrossTest {
    static final String SAFARI = Traffic.SAFARI_IPHONE;
    static final String CHROME = Traffic.CHROME_WIN;
    static TestServer server;
    static String adminKey;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("TINYTRAIL_API_RATE_LIMIT", "100000", "TINYTRAIL_COLLECT_RATE_LIMIT", "100000"));
        adminKey = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpClientForTests.Response call(String method, String path, String body) {
        return server.http().send(method, path, body, null, Map.of("X-API-KEY", adminKey));
    }

    static String site(String domain) {
        var account = call("POST", "/api/v1/accounts", "{\"name\":\"" + domain + "\"}");
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        var res = call("POST", "/api/v1/websites", "{\"domain\":\"" + domain + "\",\"account_id\":\""
                + account.json().get("data").get("id").asText() + "\"}");
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("id").asText();
    }

    static JsonNode report(String name, String query) {
        var res = call("GET", "/api/v1/reports/" + name + "?" + query, null);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json().get("data");
    }

    static void collect(String site, String type, String path, String extra, String userAgent) {
        String body = "{\"website_id\":\"" + site + "\",\"event_type\":\"" + type + "\",\"url\":\"https://cross.example" + path
                + "\",\"path\":\"" + path + "\"" + extra + "}";
        var res = server.http().send("POST", "/api/v1/collect", body, null,
                Map.of("Content-Type", "application/json", "User-Agent", userAgent));
        assertThat(res.status()).as(res.body()).isEqualTo(202);
    }

    /** Umami's {@code metrics} rows as {x: y}. */
    static Map<String, Long> umamiMetrics(String site, String type, String range) {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode row : server.websiteJson(site, "metrics?type=" + type + "&" + range)) out.put(row.get("x").asText(), row.get("y").asLong());
        return out;
    }

    /** Umami's pageviews of each path (its {@code stats} with a {@code path} filter; {@code metrics?type=path} counts visitors). */
    static Map<String, Long> umamiPageviews(String site, String range, String... paths) {
        Map<String, Long> out = new TreeMap<>();
        for (String p : paths) out.put(p, server.websiteJson(site, "stats?" + range + "&path=" + p).get("pageviews").asLong());
        return out;
    }

    static Map<String, Long> rows(JsonNode rows, String key, String value) {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode row : rows) out.put(row.get(key).asText(), row.get(value).asLong());
        return out;
    }

    @Test
    void tinyTrailCollectShowsInTheUmamiStatistics() {
        String site = site("cross.example");
        collect(site, "page_view", "/", "", CHROME);
        collect(site, "page_view", "/pricing", "", CHROME);
        collect(site, "scroll_50", "/pricing", "", CHROME);
        collect(site, "custom", "/pricing", ",\"properties\":{\"name\":\"signup\",\"plan\":\"pro\"}", CHROME);
        collect(site, "page_view", "/", "", SAFARI);
        collect(site, "close_tab", "/", "", SAFARI);
        collect(site, "outbound_link", "/", "", SAFARI);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "startAt=" + today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                + "&endAt=" + (today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1);
        String days = "website_id=" + site + "&start_date=" + today + "&end_date=" + today;

        JsonNode stats = server.websiteJson(site, "stats?" + range);
        JsonNode summary = report("summary", days).get("metrics");
        assertThat(stats.get("pageviews").asLong()).isEqualTo(summary.get("pageviews").get("value").asLong()).isEqualTo(3);
        assertThat(stats.get("visitors").asLong()).isEqualTo(summary.get("unique_visitors").get("value").asLong()).isEqualTo(2);
        assertThat(stats.get("visits").asLong()).isEqualTo(summary.get("visits").get("value").asLong()).isEqualTo(2);

        assertThat(umamiPageviews(site, range, "/", "/pricing")).isEqualTo(rows(report("pages", days).get("rows"), "path", "pageviews"))
                .isEqualTo(Map.of("/", 2L, "/pricing", 1L));
        // Umami lists every named event; TinyTrail's custom events leave out its automatic types
        assertThat(umamiMetrics(site, "event", range))
                .isEqualTo(Map.of("scroll_50", 1L, "signup", 1L, "close_tab", 1L, "outbound_link", 1L));
        assertThat(rows(report("custom-events", days).get("rows"), "name", "count")).isEqualTo(Map.of("signup", 1L));
        assertThat(server.count("SELECT COUNT(*) FROM event_data WHERE website_id = ?::UUID AND data_key = 'plan'", site)).isEqualTo(1);

        JsonNode realtime = report("realtime", "website_id=" + site);
        assertThat(realtime.get("active_visitors").asLong()).isEqualTo(stats.get("visitors").asLong());
        assertThat(rows(realtime.get("events_by_type"), "eventType", "count")).isEqualTo(Map.of("page_view", 3L, "scroll_50", 1L,
                "custom", 1L, "close_tab", 1L, "outbound_link", 1L));
    }

    @Test
    void umamiSendShowsInTheTinyTrailReports() {
        String site = site("umami.example");
        Traffic t = new Traffic(server, site);
        t.visitor("a", CHROME, null, null, null).view("2026-03-10T10:00:00Z", "/", "https://www.google.com/")
                .view("2026-03-10T10:01:00Z", "/pricing", null).event("2026-03-10T10:02:00Z", "/pricing", "signup")
                .view("2026-03-12T09:00:00Z", "/", null);
        t.visitor("b", SAFARI, null, null, null).view("2026-03-10T11:00:00Z", "/blog", "https://t.co/x")
                .event("2026-03-10T11:00:30Z", "/blog", "scroll_50").event("2026-03-10T11:01:00Z", "/blog", "video_play");
        t.visitor("c", CHROME, null, null, null).view("2026-03-12T12:00:00Z", "/pricing", null)
                .event("2026-03-12T12:01:00Z", "/pricing", "signup");
        String range = TestServer.range("2026-03-10T00:00:00Z", "2026-03-12T23:59:59.999Z");
        String days = "website_id=" + site + "&start_date=2026-03-10&end_date=2026-03-12";

        JsonNode stats = server.websiteJson(site, "stats?" + range);
        JsonNode summary = report("summary", days).get("metrics");
        assertThat(summary.get("pageviews").get("value").asLong()).isEqualTo(stats.get("pageviews").asLong()).isEqualTo(5);
        assertThat(summary.get("unique_visitors").get("value").asLong()).isEqualTo(stats.get("visitors").asLong()).isEqualTo(3);
        assertThat(summary.get("visits").get("value").asLong()).isEqualTo(stats.get("visits").asLong()).isEqualTo(4);

        assertThat(rows(report("pages", days).get("rows"), "path", "pageviews")).isEqualTo(umamiPageviews(site, range, "/", "/pricing", "/blog"))
                .isEqualTo(Map.of("/", 2L, "/pricing", 2L, "/blog", 1L));
        assertThat(rows(report("custom-events", days).get("rows"), "name", "count"))
                .isEqualTo(Map.of("signup", 2L, "video_play", 1L));
        Map<String, Long> umamiEvents = umamiMetrics(site, "event", range);
        umamiEvents.remove("scroll_50");
        assertThat(umamiEvents).isEqualTo(Map.of("signup", 2L, "video_play", 1L));

        Map<String, Long> daily = new TreeMap<>();
        for (JsonNode p : server.websiteJson(site, "pageviews?unit=day&timezone=UTC&" + range).get("pageviews")) {
            daily.put(p.get("x").asText().substring(0, 10), p.get("y").asLong());
        }
        assertThat(rows(report("timeseries", days + "&metric=pageviews").get("series"), "date", "value"))
                .isEqualTo(Map.of("2026-03-10", daily.get("2026-03-10"), "2026-03-11", 0L, "2026-03-12", daily.get("2026-03-12")))
                .isEqualTo(Map.of("2026-03-10", 3L, "2026-03-11", 0L, "2026-03-12", 2L));

        // /, then /pricing, then signup: only a's first visit
        JsonNode funnel = report("funnel", days + "&steps%5B%5D=/&steps%5B%5D=/pricing&steps%5B%5D=signup").get("funnel");
        assertThat(rows(funnel, "step", "sessions")).isEqualTo(Map.of("/", 2L, "/pricing", 1L, "signup", 1L));
    }
}
