package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TinyTrail reports summary, pages, sources, devices and flow over HTTP, with exact values computed from
 * the hits sent below (through Umami's {@code /api/send} with timestamps, and through {@code /api/v1/collect}).
 *
 * <p>The week 2026-02-23..2026-03-01 (the document's sample period) holds seven visits of six visitors:
 * <pre>
 * v1 Chrome/Windows 1920x1080  02-24 10:00 /  (google)  10:01 /blog/getting-started  10:03 scroll_50 there
 * v2 Safari/iOS 390x844        02-25 12:00 /blog/getting-started (t.co, utm twitter/social/launch)
 * v3 Firefox/Linux 1366x768    02-26 09:00 /pricing (bing, utm bing/cpc)  09:10 /docs/intro  09:20 /pricing
 *                              02-28 09:00 /  (no referrer; a second visit of the same visitor)
 * v4 Chrome/Android no screen  02-27 15:00 /docs/intro (mail.google.com)  15:00:30 /docs/setup
 * v5 Edge/Windows 300x600      03-01 20:00 /blog/getting-started (news.example.org, utm newsletter/email/march)
 * v6 Safari/macOS 1024x768     02-23 00:00:00 /about (news.example.org/item)
 * </pre>
 * The week before holds p1 (02-20 10:00 /, 10:02 /pricing) and p2 (02-22 23:59:59 /blog/x); a year before, y1
 * (2025-02-24 / once); the day after, 03-02 00:00:00, one view that no report of the week counts.
 */
class TinyTrailReportsTest {
    static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0";
    static final String CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
    static final String EDGE_WINDOWS = CHROME_WINDOWS + " Edg/126.0.0.0";
    static final String SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    static final String WEEK = "start_date=2026-02-23&end_date=2026-03-01";

    static TestServer server;
    static String adminKey;
    static String userKey;
    static String strangerKey;
    static String site;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("TINYTRAIL_COLLECT_RATE_LIMIT", "100000", "TINYTRAIL_API_RATE_LIMIT", "100000"));
        try {
            adminKey = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String account = account("Shop");
        userKey = user(account);
        strangerKey = user(account("Elsewhere"));
        site = website(account, "shop.example");

        Visitor v1 = new Visitor(CHROME_WINDOWS, "1920x1080", "203.0.113.1");
        v1.view("2026-02-24T10:00:00Z", "/", "https://www.google.com/search?q=shop");
        v1.view("2026-02-24T10:01:00Z", "/blog/getting-started", "https://shop.example/");
        v1.event("2026-02-24T10:03:00Z", "/blog/getting-started", "scroll_50");
        new Visitor(SAFARI_IPHONE, "390x844", "203.0.113.2").view("2026-02-25T12:00:00Z",
                "/blog/getting-started?utm_source=twitter&utm_medium=social&utm_campaign=launch", "https://t.co/abc");
        Visitor v3 = new Visitor(FIREFOX_LINUX, "1366x768", "203.0.113.3");
        v3.view("2026-02-26T09:00:00Z", "/pricing?utm_source=bing&utm_medium=cpc", "https://www.bing.com/");
        v3.view("2026-02-26T09:10:00Z", "/docs/intro", "https://shop.example/pricing");
        v3.view("2026-02-26T09:20:00Z", "/pricing", "https://shop.example/docs/intro");
        v3.view("2026-02-28T09:00:00Z", "/", null);
        Visitor v4 = new Visitor(CHROME_ANDROID, null, "203.0.113.4");
        v4.view("2026-02-27T15:00:00Z", "/docs/intro", "https://mail.google.com/mail/u/0/");
        v4.view("2026-02-27T15:00:30Z", "/docs/setup", "https://shop.example/docs/intro");
        new Visitor(EDGE_WINDOWS, "300x600", "203.0.113.5").view("2026-03-01T20:00:00Z",
                "/blog/getting-started?utm_source=newsletter&utm_medium=email&utm_campaign=march", "https://news.example.org/");
        new Visitor(SAFARI_MAC, "1024x768", "203.0.113.6").view("2026-02-23T00:00:00Z", "/about", "https://news.example.org/item");
        new Visitor(CHROME_WINDOWS, "1920x1080", "203.0.113.7").view("2026-03-02T00:00:00Z", "/late", null);

        Visitor p1 = new Visitor(CHROME_WINDOWS, "1920x1080", "203.0.113.11");
        p1.view("2026-02-20T10:00:00Z", "/", null);
        p1.view("2026-02-20T10:02:00Z", "/pricing", "https://shop.example/");
        new Visitor(CHROME_WINDOWS, "1920x1080", "203.0.113.12").view("2026-02-22T23:59:59Z", "/blog/x", null);
        new Visitor(CHROME_WINDOWS, "1920x1080", "203.0.113.21").view("2025-02-24T08:00:00Z", "/", null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One visitor of /api/send: its own IP, so its own session. */
    record Visitor(String userAgent, String screen, String ip) {
        void view(String at, String pathAndQuery, String referrer) {
            send(at, pathAndQuery, referrer, null);
        }

        void event(String at, String path, String name) {
            send(at, path, null, name);
        }

        private void send(String at, String pathAndQuery, String referrer, String name) {
            send(site, at, pathAndQuery, referrer, name);
        }

        void send(String website, String at, String pathAndQuery, String referrer, String name) {
            String body = "{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"hostname\":\"shop.example\","
                    + "\"url\":\"https://shop.example" + pathAndQuery + "\",\"language\":\"en-US\""
                    + (screen == null ? "" : ",\"screen\":\"" + screen + "\"")
                    + (referrer == null ? "" : ",\"referrer\":\"" + referrer + "\"")
                    + (name == null ? "" : ",\"name\":\"" + name + "\"")
                    + (at == null ? "" : ",\"timestamp\":" + Instant.parse(at).getEpochSecond()) + "}}";
            Map<String, String> headers = new HashMap<>();
            headers.put("User-Agent", userAgent);
            headers.put("X-Forwarded-For", ip);
            var res = server.http().send("POST", "/api/send", body, null, headers);
            assertThat(res.status()).as(res.body()).isEqualTo(200);
        }
    }

    static String account(String name) {
        var res = server.http().send("POST", "/api/v1/accounts", "{\"name\":\"" + name + "\"}", null, Map.of("X-API-KEY", adminKey));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("id").asText();
    }

    static String user(String account) {
        var res = server.http().send("POST", "/api/v1/users", "{\"account_id\":\"" + account + "\",\"role\":\"user\"}", null,
                Map.of("X-API-KEY", adminKey));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("apiKey").asText();
    }

    static String website(String account, String domain) {
        var res = server.http().send("POST", "/api/v1/websites", "{\"domain\":\"" + domain + "\",\"account_id\":\"" + account
                + "\",\"content_groups\":[{\"name\":\"Blog\",\"pattern\":\"/blog/*\"},{\"name\":\"Docs\",\"pattern\":\"/docs/*\"}]}",
                null, Map.of("X-API-KEY", adminKey));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("id").asText();
    }

    static HttpClientForTests.Response get(String report, String query, String key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("X-API-KEY", key);
        return server.http().send("GET", "/api/v1/reports/" + report + "?" + query, null, null, headers);
    }

    /** The report's {@code data} for the shop's user, asserting a 200 success envelope. */
    static JsonNode data(String report, String query) {
        var res = get(report, "website_id=" + site + "&" + query, userKey);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.json().get("status").asText()).isEqualTo("success");
        return res.json().get("data");
    }

    static String csv(String report, String query) {
        var res = get(report, "website_id=" + site + "&format=csv&" + query, userKey);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.header("content-type")).isEqualTo("text/csv; charset=utf-8");
        return res.body();
    }

    static void assertError(HttpClientForTests.Response res, int status, String code, String message) {
        assertThat(res.status()).as(res.body()).isEqualTo(status);
        assertThat(res.body()).isEqualTo("{\"status\":\"error\",\"error\":{\"code\":\"" + code + "\",\"message\":\""
                + message.replace("\"", "\\\"") + "\"}}");
    }

    @Test
    void summaryCountsVisitsVisitorsPageviewsBouncesAndDuration() {
        assertThat(data("summary", WEEK).toString()).isEqualTo("{\"period\":{\"start\":\"2026-02-23\",\"end\":\"2026-03-01\"},"
                + "\"metrics\":{\"visits\":{\"value\":7},\"unique_visitors\":{\"value\":6},\"pageviews\":{\"value\":11},"
                + "\"bounce_rate\":{\"value\":57.14},\"avg_session_duration_sec\":{\"value\":201}}}");
    }

    @Test
    void summaryComparesWithThePreviousPeriod() {
        assertThat(data("summary", WEEK + "&compare=previous_period").toString()).isEqualTo(
                "{\"period\":{\"start\":\"2026-02-23\",\"end\":\"2026-03-01\"},\"comparison\":\"2026-02-16 to 2026-02-22\","
                        + "\"metrics\":{\"visits\":{\"value\":7,\"previous\":2,\"change_pct\":250.0},"
                        + "\"unique_visitors\":{\"value\":6,\"previous\":2,\"change_pct\":200.0},"
                        + "\"pageviews\":{\"value\":11,\"previous\":3,\"change_pct\":266.67},"
                        + "\"bounce_rate\":{\"value\":57.14,\"previous\":50.0,\"change_pct\":14.28},"
                        + "\"avg_session_duration_sec\":{\"value\":201,\"previous\":60,\"change_pct\":235.0}}}");
    }

    @Test
    void summaryComparesYearOverYearAndHasNoChangeFromZero() {
        assertThat(data("summary", WEEK + "&compare=yoy").toString()).isEqualTo(
                "{\"period\":{\"start\":\"2026-02-23\",\"end\":\"2026-03-01\"},\"comparison\":\"2025-02-23 to 2025-03-01\","
                        + "\"metrics\":{\"visits\":{\"value\":7,\"previous\":1,\"change_pct\":600.0},"
                        + "\"unique_visitors\":{\"value\":6,\"previous\":1,\"change_pct\":500.0},"
                        + "\"pageviews\":{\"value\":11,\"previous\":1,\"change_pct\":1000.0},"
                        + "\"bounce_rate\":{\"value\":57.14,\"previous\":100.0,\"change_pct\":-42.86},"
                        + "\"avg_session_duration_sec\":{\"value\":201,\"previous\":0,\"change_pct\":null}}}");
    }

    @Test
    void summaryOfAContentGroupCountsOnlyItsPages() {
        // Blog: v1's view and scroll on the post (2 minutes apart), v2's and v5's single views.
        assertThat(data("summary", WEEK + "&content_group=Blog").get("metrics").toString()).isEqualTo(
                "{\"visits\":{\"value\":3},\"unique_visitors\":{\"value\":3},\"pageviews\":{\"value\":3},"
                        + "\"bounce_rate\":{\"value\":100.0},\"avg_session_duration_sec\":{\"value\":40}}");
    }

    @Test
    void summaryCsvHasOneRowPerMetric() {
        var res = get("summary", "website_id=" + site + "&format=csv&compare=previous_period&" + WEEK, userKey);
        assertThat(res.header("content-disposition")).isEqualTo("attachment; filename=\"summary-2026-02-23-to-2026-03-01.csv\"");
        assertThat(res.body()).isEqualTo("metric,value,previous,change_pct\r\n"
                + "visits,7,2,250\r\nunique_visitors,6,2,200\r\npageviews,11,3,266.67\r\n"
                + "bounce_rate,57.14,50,14.28\r\navg_session_duration_sec,201,60,235\r\n");
        assertThat(csv("summary", WEEK)).isEqualTo("metric,value,previous,change_pct\r\n"
                + "visits,7,,\r\nunique_visitors,6,,\r\npageviews,11,,\r\nbounce_rate,57.14,,\r\navg_session_duration_sec,201,,\r\n");
    }

    @Test
    void pagesAreSortedByPageviewsWithTheirContentGroup() {
        assertThat(data("pages", WEEK).toString()).isEqualTo("{\"period\":{\"start\":\"2026-02-23\",\"end\":\"2026-03-01\"},"
                + "\"page\":1,\"per_page\":50,\"rows\":["
                + "{\"path\":\"/blog/getting-started\",\"contentGroup\":\"Blog\",\"pageviews\":3,\"uniquePageviews\":3},"
                + "{\"path\":\"/\",\"contentGroup\":null,\"pageviews\":2,\"uniquePageviews\":2},"
                + "{\"path\":\"/docs/intro\",\"contentGroup\":\"Docs\",\"pageviews\":2,\"uniquePageviews\":2},"
                + "{\"path\":\"/pricing\",\"contentGroup\":null,\"pageviews\":2,\"uniquePageviews\":1},"
                + "{\"path\":\"/about\",\"contentGroup\":null,\"pageviews\":1,\"uniquePageviews\":1},"
                + "{\"path\":\"/docs/setup\",\"contentGroup\":\"Docs\",\"pageviews\":1,\"uniquePageviews\":1}]}");
    }

    @Test
    void pagesOfAContentGroup() {
        assertThat(data("pages", WEEK + "&content_group=Docs").get("rows").toString()).isEqualTo(
                "[{\"path\":\"/docs/intro\",\"contentGroup\":\"Docs\",\"pageviews\":2,\"uniquePageviews\":2},"
                        + "{\"path\":\"/docs/setup\",\"contentGroup\":\"Docs\",\"pageviews\":1,\"uniquePageviews\":1}]");
    }

    @Test
    void pagesArePaginated() {
        JsonNode second = data("pages", WEEK + "&page=2&per_page=1");
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("per_page").asInt()).isEqualTo(1);
        assertThat(second.get("rows").toString()).isEqualTo("[{\"path\":\"/\",\"contentGroup\":null,\"pageviews\":2,\"uniquePageviews\":2}]");
        assertThat(data("pages", WEEK + "&page=3&per_page=2").get("rows").toString()).isEqualTo(
                "[{\"path\":\"/about\",\"contentGroup\":null,\"pageviews\":1,\"uniquePageviews\":1},"
                        + "{\"path\":\"/docs/setup\",\"contentGroup\":\"Docs\",\"pageviews\":1,\"uniquePageviews\":1}]");
        assertThat(data("pages", WEEK + "&page=9&per_page=500").get("rows").toString()).isEqualTo("[]");
    }

    @Test
    void pagesCsvIsTheSamePage() {
        var res = get("pages", "website_id=" + site + "&format=csv&per_page=3&" + WEEK, userKey);
        assertThat(res.header("content-type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(res.header("content-disposition")).isEqualTo("attachment; filename=\"pages-2026-02-23-to-2026-03-01.csv\"");
        assertThat(res.body()).isEqualTo("path,contentGroup,pageviews,uniquePageviews\r\n"
                + "/blog/getting-started,Blog,3,3\r\n/,,2,2\r\n/docs/intro,Docs,2,2\r\n");
    }

    @Test
    void sourcesByChannelFollowTheDocumentsRules() {
        assertThat(data("sources", WEEK).toString()).isEqualTo("{\"period\":{\"start\":\"2026-02-23\",\"end\":\"2026-03-01\"},"
                + "\"page\":1,\"per_page\":50,\"rows\":[{\"channel\":\"Email\",\"visits\":2},{\"channel\":\"Direct\",\"visits\":1},"
                + "{\"channel\":\"Organic Search\",\"visits\":1},{\"channel\":\"Paid Search\",\"visits\":1},"
                + "{\"channel\":\"Referral\",\"visits\":1},{\"channel\":\"Social\",\"visits\":1}]}");
        assertThat(csv("sources", WEEK + "&per_page=2")).isEqualTo("channel,visits\r\nEmail,2\r\nDirect,1\r\n");
        assertThat(csv("sources", WEEK + "&group_by=domain&per_page=1")).isEqualTo("referrer,visits\r\nnews.example.org,2\r\n");
        assertThat(data("sources", WEEK + "&group_by=channel&content_group=Blog").get("rows").toString()).isEqualTo(
                "[{\"channel\":\"Email\",\"visits\":1},{\"channel\":\"Organic Search\",\"visits\":1},{\"channel\":\"Social\",\"visits\":1}]");
    }

    @Test
    void sourcesByDomainAndUtm() {
        assertThat(data("sources", WEEK + "&group_by=domain").get("rows").toString()).isEqualTo(
                "[{\"referrer\":\"news.example.org\",\"visits\":2},{\"referrer\":\"bing.com\",\"visits\":1},"
                        + "{\"referrer\":\"google.com\",\"visits\":1},{\"referrer\":\"mail.google.com\",\"visits\":1},"
                        + "{\"referrer\":\"t.co\",\"visits\":1}]");
        assertThat(data("sources", WEEK + "&group_by=utm").get("rows").toString()).isEqualTo(
                "[{\"utmSource\":\"bing\",\"utmMedium\":\"cpc\",\"utmCampaign\":null,\"visits\":1},"
                        + "{\"utmSource\":\"newsletter\",\"utmMedium\":\"email\",\"utmCampaign\":\"march\",\"visits\":1},"
                        + "{\"utmSource\":\"twitter\",\"utmMedium\":\"social\",\"utmCampaign\":\"launch\",\"visits\":1}]");
        assertThat(csv("sources", WEEK + "&group_by=utm&per_page=1")).isEqualTo(
                "utmSource,utmMedium,utmCampaign,visits\r\nbing,cpc,,1\r\n");
        assertError(get("sources", "website_id=" + site + "&group_by=country", userKey), 400, "INVALID_PAYLOAD",
                "'group_by' must be channel, domain or utm");
    }

    @Test
    void devicesBreakVisitsDownByTypeBrowserOsAndScreen() {
        assertThat(data("devices", WEEK).toString()).isEqualTo("{\"period\":{\"start\":\"2026-02-23\",\"end\":\"2026-03-01\"},"
                + "\"device_types\":[{\"deviceType\":\"desktop\",\"visits\":5},{\"deviceType\":\"mobile\",\"visits\":2}],"
                + "\"browsers\":[{\"browserFamily\":\"Chrome\",\"visits\":2},{\"browserFamily\":\"Firefox\",\"visits\":2},"
                + "{\"browserFamily\":\"Safari\",\"visits\":2},{\"browserFamily\":\"Edge\",\"visits\":1}],"
                + "\"os_families\":[{\"osFamily\":\"Linux\",\"visits\":2},{\"osFamily\":\"Windows\",\"visits\":2},"
                + "{\"osFamily\":\"Android\",\"visits\":1},{\"osFamily\":\"iOS\",\"visits\":1},{\"osFamily\":\"macOS\",\"visits\":1}],"
                + "\"screen_resolutions\":[{\"bucket\":\"1025-1440\",\"visits\":2},{\"bucket\":\"1441+\",\"visits\":1},"
                + "{\"bucket\":\"320-375\",\"visits\":1},{\"bucket\":\"376-768\",\"visits\":1},{\"bucket\":\"769-1024\",\"visits\":1},"
                + "{\"bucket\":\"unknown\",\"visits\":1}]}");
        assertThat(csv("devices", WEEK)).isEqualTo("deviceType,visits\r\ndesktop,5\r\nmobile,2\r\n");
    }

    @Test
    void flowListsLandingAndExitPages() {
        assertThat(data("flow", WEEK).toString()).isEqualTo("{\"period\":{\"start\":\"2026-02-23\",\"end\":\"2026-03-01\"},"
                + "\"page\":1,\"per_page\":50,"
                + "\"landing_pages\":[{\"path\":\"/\",\"entries\":2},{\"path\":\"/blog/getting-started\",\"entries\":2},"
                + "{\"path\":\"/about\",\"entries\":1},{\"path\":\"/docs/intro\",\"entries\":1},{\"path\":\"/pricing\",\"entries\":1}],"
                + "\"exit_pages\":[{\"path\":\"/blog/getting-started\",\"exits\":3},{\"path\":\"/\",\"exits\":1},"
                + "{\"path\":\"/about\",\"exits\":1},{\"path\":\"/docs/setup\",\"exits\":1},{\"path\":\"/pricing\",\"exits\":1}]}");
        JsonNode second = data("flow", WEEK + "&page=2&per_page=2");
        assertThat(second.get("landing_pages").toString()).isEqualTo("[{\"path\":\"/about\",\"entries\":1},{\"path\":\"/docs/intro\",\"entries\":1}]");
        assertThat(second.get("exit_pages").toString()).isEqualTo("[{\"path\":\"/about\",\"exits\":1},{\"path\":\"/docs/setup\",\"exits\":1}]");
        JsonNode docs = data("flow", WEEK + "&content_group=Docs");
        assertThat(docs.get("landing_pages").toString()).isEqualTo("[{\"path\":\"/docs/intro\",\"entries\":1}]");
        assertThat(docs.get("exit_pages").toString()).isEqualTo("[{\"path\":\"/docs/setup\",\"exits\":1}]");
        assertThat(csv("flow", WEEK + "&per_page=2")).isEqualTo("path,entries\r\n/,2\r\n/blog/getting-started,2\r\n");
    }

    @Test
    void periodsAreWholeUtcDaysEndingToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("", today.minusDays(6) + " " + today);
        expected.put("&period=7d", today.minusDays(6) + " " + today);
        expected.put("&period=today", today + " " + today);
        expected.put("&period=yesterday", today.minusDays(1) + " " + today.minusDays(1));
        expected.put("&period=30d", today.minusDays(29) + " " + today);
        expected.put("&period=90d", today.minusDays(89) + " " + today);
        expected.put("&period=12m", today.minusYears(1).plusDays(1) + " " + today);
        expected.put("&period=ytd", today.withDayOfYear(1) + " " + today);
        expected.put("&period=all", "2025-02-24 " + today);
        expected.put("&start_date=2026-02-01", "2026-02-01 " + (today.isBefore(LocalDate.parse("2026-02-01")) ? "2026-02-01" : today));
        expected.put("&period=all&start_date=2026-02-20&end_date=2026-02-20", "2026-02-20 2026-02-20");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode period = data("pages", e.getKey().isEmpty() ? "per_page=1" : e.getKey().substring(1)).get("period");
            // A run across midnight UTC sees two different todays; what matters is that the bounds follow the rule.
            if (!LocalDate.now(ZoneOffset.UTC).equals(today)) return;
            assertThat(period.get("start").asText() + " " + period.get("end").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
        JsonNode day = data("summary", "start_date=2026-02-22&end_date=2026-02-22").get("metrics");
        assertThat(day.get("pageviews").get("value").asLong()).isEqualTo(1); // 23:59:59 counts, 03-02 00:00 does not count in the week
    }

    @Test
    void badParametersAreInvalidPayload() {
        String w = "website_id=" + site;
        String[][] cases = {
                {"", "'website_id' is required"},
                {"website_id=nope", "'website_id' must be a UUID"},
                {w + "&period=week", "'period' must be one of yesterday, today, 7d, 30d, 90d, 12m, ytd, all"},
                {w + "&start_date=2026-02-30", "'start_date' must be a date as YYYY-MM-DD"},
                {w + "&start_date=2026-2-3", "'start_date' must be a date as YYYY-MM-DD"},
                {w + "&start_date=2026-02-01&end_date=20260201", "'end_date' must be a date as YYYY-MM-DD"},
                {w + "&end_date=2026-02-01", "'end_date' needs 'start_date'"},
                {w + "&start_date=2026-02-02&end_date=2026-02-01", "'end_date' must not be before 'start_date'"},
                {w + "&compare=last_year", "'compare' must be previous_period or yoy"},
                {w + "&include_bots=yes", "'include_bots' must be true or false"},
                {w + "&page=0", "'page' must be a whole number from 1"},
                {w + "&page=x", "'page' must be a whole number from 1"},
                {w + "&per_page=0", "'per_page' must be a whole number from 1 to 500"},
                {w + "&per_page=501", "'per_page' must be a whole number from 1 to 500"},
                {w + "&format=xml", "'format' must be json or csv"},
                {w + "&content_group=Shop", "'content_group' names no content group of this website"},
        };
        for (String report : new String[]{"summary", "pages", "sources", "devices", "flow"}) {
            for (String[] c : cases) assertError(get(report, c[0], userKey), 400, "INVALID_PAYLOAD", c[1]);
        }
        assertThat(data("pages", "per_page=500").get("per_page").asInt()).isEqualTo(500);
    }

    @Test
    void keysAndAccountsAreChecked() {
        String w = "website_id=" + site + "&" + WEEK;
        for (String report : new String[]{"summary", "pages", "sources", "devices", "flow"}) {
            assertError(get(report, w, null), 401, "UNAUTHORIZED", "Missing or invalid X-API-KEY header");
            assertError(get(report, w, "tt_not-a-key"), 401, "UNAUTHORIZED", "Missing or invalid X-API-KEY header");
            assertError(get(report, w, strangerKey), 404, "NOT_FOUND", "Website not found");
            assertError(get(report, "website_id=00000000-0000-4000-8000-000000000000", userKey), 404, "NOT_FOUND", "Website not found");
            var asAdmin = get(report, w, adminKey);
            assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(200);
        }
    }

    @Test
    void hitsOfBothApisAreCountedToday() {
        String account = account("Today");
        String key = user(account);
        String today = website(account, "today.example");
        String browser = CHROME_WINDOWS;
        for (String[] hit : new String[][]{{"page_view", "/"}, {"page_view", "/blog/post"}, {"close_tab", "/blog/post"}}) {
            var res = server.http().send("POST", "/api/v1/collect", "{\"website_id\":\"" + today + "\",\"event_type\":\"" + hit[0]
                            + "\",\"url\":\"https://today.example" + hit[1] + "\",\"path\":\"" + hit[1] + "\",\"referrer\":\"https://duckduckgo.com/\","
                            + "\"screen_width\":360,\"screen_height\":740}",
                    null, Map.of("Content-Type", "application/json", "User-Agent", browser, "X-Real-IP", "198.51.100.1"));
            assertThat(res.status()).as(res.body()).isEqualTo(202);
        }
        new Visitor(SAFARI_MAC, "1280x800", "198.51.100.2").send(today, null, "/blog/post", null, null);
        var res = get("pages", "website_id=" + today + "&period=today", key);
        assertThat(res.json().get("data").get("rows").toString()).isEqualTo(
                "[{\"path\":\"/blog/post\",\"contentGroup\":\"Blog\",\"pageviews\":2,\"uniquePageviews\":2},"
                        + "{\"path\":\"/\",\"contentGroup\":null,\"pageviews\":1,\"uniquePageviews\":1}]");
        JsonNode metrics = get("summary", "website_id=" + today + "&period=today", key).json().get("data").get("metrics");
        assertThat(metrics.get("visits").get("value").asLong()).isEqualTo(2);
        assertThat(metrics.get("unique_visitors").get("value").asLong()).isEqualTo(2);
        assertThat(metrics.get("pageviews").get("value").asLong()).isEqualTo(3);
        assertThat(metrics.get("bounce_rate").get("value").asDouble()).isEqualTo(50.0);
        assertThat(get("sources", "website_id=" + today + "&period=today", key).json().get("data").get("rows").toString())
                .isEqualTo("[{\"channel\":\"Direct\",\"visits\":1},{\"channel\":\"Organic Search\",\"visits\":1}]");
        assertThat(get("devices", "website_id=" + today + "&period=today", key).json().get("data").get("screen_resolutions").toString())
                .isEqualTo("[{\"bucket\":\"1025-1440\",\"visits\":1},{\"bucket\":\"320-375\",\"visits\":1}]");
    }

    @Test
    void botsCountOnlyWithIncludeBotsAndExcludedIpsNever() {
        String account = account("Bots");
        String key = user(account);
        var created = server.http().send("POST", "/api/v1/websites", "{\"domain\":\"bots.example\",\"account_id\":\"" + account
                + "\",\"excluded_ips\":[\"192.0.2.0/24\"]}", null, Map.of("X-API-KEY", adminKey));
        String bots = created.json().get("data").get("id").asText();
        String googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        String[][] hits = {
                {CHROME_WINDOWS, "198.51.100.10", "/", "202"},
                {googlebot, "198.51.100.11", "/", "204"},
                {googlebot, "198.51.100.11", "/pricing", "204"},
                {CHROME_WINDOWS, "192.0.2.5", "/", "204"},
                {CHROME_WINDOWS, "192.0.2.5", "/pricing", "204"},
        };
        for (String[] hit : hits) {
            var res = server.http().send("POST", "/api/v1/collect", "{\"website_id\":\"" + bots + "\",\"event_type\":\"page_view\","
                            + "\"url\":\"https://bots.example" + hit[2] + "\",\"path\":\"" + hit[2] + "\"}",
                    null, Map.of("Content-Type", "application/json", "User-Agent", hit[0], "X-Real-IP", hit[1]));
            assertThat(res.status()).as(res.body()).isEqualTo(Integer.parseInt(hit[3]));
        }
        String w = "website_id=" + bots + "&period=today";
        JsonNode without = get("summary", w, key).json().get("data").get("metrics");
        assertThat(without.get("visits").get("value").asLong()).isEqualTo(1);
        assertThat(without.get("pageviews").get("value").asLong()).isEqualTo(1);
        assertThat(get("summary", w + "&include_bots=false", key).json().get("data").get("metrics")).isEqualTo(without);
        JsonNode with = get("summary", w + "&include_bots=true", key).json().get("data").get("metrics");
        assertThat(with.get("visits").get("value").asLong()).isEqualTo(2);
        assertThat(with.get("unique_visitors").get("value").asLong()).isEqualTo(2);
        assertThat(with.get("pageviews").get("value").asLong()).isEqualTo(3);
        assertThat(with.get("bounce_rate").get("value").asDouble()).isEqualTo(50.0);
        assertThat(get("pages", w, key).json().get("data").get("rows").toString())
                .isEqualTo("[{\"path\":\"/\",\"contentGroup\":null,\"pageviews\":1,\"uniquePageviews\":1}]");
        assertThat(get("pages", w + "&include_bots=true", key).json().get("data").get("rows").toString())
                .isEqualTo("[{\"path\":\"/\",\"contentGroup\":null,\"pageviews\":2,\"uniquePageviews\":2},"
                        + "{\"path\":\"/pricing\",\"contentGroup\":null,\"pageviews\":1,\"uniquePageviews\":1}]");
        assertThat(get("flow", w + "&include_bots=true", key).json().get("data").get("exit_pages").toString())
                .isEqualTo("[{\"path\":\"/\",\"exits\":1},{\"path\":\"/pricing\",\"exits\":1}]");
        assertThat(get("sources", w + "&include_bots=true", key).json().get("data").get("rows").toString())
                .isEqualTo("[{\"channel\":\"Direct\",\"visits\":2}]");
        JsonNode devices = get("devices", w + "&include_bots=true", key).json().get("data");
        devices = ((com.fasterxml.jackson.databind.node.ObjectNode) devices).without("period");
        // Googlebot's User-Agent names no browser or OS: the bot shows as Unknown there.
        assertThat(devices.toString()).isEqualTo("{\"device_types\":[{\"deviceType\":\"desktop\",\"visits\":2}],"
                + "\"browsers\":[{\"browserFamily\":\"Chrome\",\"visits\":1},{\"browserFamily\":\"Unknown\",\"visits\":1}],"
                + "\"os_families\":[{\"osFamily\":\"Unknown\",\"visits\":1},{\"osFamily\":\"Windows\",\"visits\":1}],"
                + "\"screen_resolutions\":[{\"bucket\":\"unknown\",\"visits\":2}]}");
    }

    @Test
    void screenBucketsFollowTheWidth() {
        String account = account("Screens");
        String key = user(account);
        String screens = website(account, "screens.example");
        String[] sizes = {"100x100", "320x568", "375x667", "376x800", "768x1024", "769x900", "1024x768", "1025x800",
                "1440x900", "1441x900", "2560x1440", "0x0", "wide"};
        for (int i = 0; i < sizes.length; i++) {
            new Visitor(FIREFOX_LINUX, sizes[i], "198.51.100." + (100 + i)).send(screens, "2026-02-24T10:" + (10 + i) + ":00Z", "/", null, null);
        }
        var res = get("devices", "website_id=" + screens + "&" + WEEK, key);
        assertThat(res.json().get("data").get("screen_resolutions").toString()).isEqualTo(
                "[{\"bucket\":\"320-375\",\"visits\":3},{\"bucket\":\"1025-1440\",\"visits\":2},{\"bucket\":\"1441+\",\"visits\":2},"
                        + "{\"bucket\":\"376-768\",\"visits\":2},{\"bucket\":\"769-1024\",\"visits\":2},{\"bucket\":\"unknown\",\"visits\":2}]");
    }

    @Test
    void channelRulesDecideInTheirOrder() {
        String account = account("Channels");
        String key = user(account);
        String channels = website(account, "channels.example");
        String[][] visits = {
                {"/?utm_medium=PPC", "https://www.google.de/", "Paid Search"},
                {"/?utm_medium=paid-search", "https://duckduckgo.com/", "Paid Search"},
                {"/?utm_medium=display", "https://www.google.com/", "Organic Search"},
                {"/?utm_medium=email", "https://www.google.com/", "Email"},
                {"/", "https://outlook.live.com/mail/", "Email"},
                {"/", "https://m.facebook.com/", "Social"},
                {"/", "https://chatgpt.com/", "Referral"},
                {"/", "https://shop.example/earlier", "Direct"},
                {"/", null, "Direct"},
        };
        for (int i = 0; i < visits.length; i++) {
            new Visitor(CHROME_WINDOWS, "1920x1080", "198.51.100." + (150 + i)).send(channels, "2026-02-25T10:" + (10 + i) + ":00Z",
                    visits[i][0], visits[i][1], null);
        }
        var res = get("sources", "website_id=" + channels + "&" + WEEK, key);
        assertThat(res.json().get("data").get("rows").toString()).isEqualTo(
                "[{\"channel\":\"Direct\",\"visits\":2},{\"channel\":\"Email\",\"visits\":2},{\"channel\":\"Paid Search\",\"visits\":2},"
                        + "{\"channel\":\"Organic Search\",\"visits\":1},{\"channel\":\"Referral\",\"visits\":1},"
                        + "{\"channel\":\"Social\",\"visits\":1}]");
        // The page's own host is no referrer domain; www. is dropped from the others.
        assertThat(get("sources", "website_id=" + channels + "&group_by=domain&per_page=3&" + WEEK, key).json().get("data").get("rows").toString())
                .isEqualTo("[{\"referrer\":\"google.com\",\"visits\":2},{\"referrer\":\"chatgpt.com\",\"visits\":1},"
                        + "{\"referrer\":\"duckduckgo.com\",\"visits\":1}]");
    }

    @Test
    void csvQuotesCellsAndDefusesFormulas() {
        String account = account("Csv");
        String key = user(account);
        String csvSite = website(account, "csv.example");
        Visitor v = new Visitor(CHROME_WINDOWS, "1920x1080", "198.51.100.200");
        v.send(csvSite, "2026-02-24T10:00:00Z", "/a,b?utm_source=%3DHYPERLINK(1)&utm_medium=say%20%22hi%22&utm_campaign=-2%2B3", null, null);
        var pages = get("pages", "website_id=" + csvSite + "&format=csv&" + WEEK, key);
        assertThat(pages.body()).isEqualTo("path,contentGroup,pageviews,uniquePageviews\r\n\"/a,b\",,1,1\r\n");
        var utm = get("sources", "website_id=" + csvSite + "&format=csv&group_by=utm&" + WEEK, key);
        assertThat(utm.body()).isEqualTo("utmSource,utmMedium,utmCampaign,visits\r\n'=HYPERLINK(1),\"say \"\"hi\"\"\",'-2+3,1\r\n");
        assertThat(get("sources", "website_id=" + csvSite + "&group_by=utm&" + WEEK, key).json().get("data").get("rows").toString())
                .isEqualTo("[{\"utmSource\":\"=HYPERLINK(1)\",\"utmMedium\":\"say \\\"hi\\\"\",\"utmCampaign\":\"-2+3\",\"visits\":1}]");
    }

    @Test
    void pageviewsAtTheSameSecondAreOrderedByEventId() {
        String account = account("Ties");
        String key = user(account);
        String ties = website(account, "ties.example");
        Visitor v = new Visitor(CHROME_WINDOWS, "1920x1080", "198.51.100.220");
        v.send(ties, "2026-02-24T10:00:00Z", "/a", null, null);
        v.send(ties, "2026-02-24T10:00:00Z", "/b", null, null);
        var rows = server.query("SELECT CAST(event_id AS VARCHAR) AS id, url_path FROM event WHERE website_id = CAST(? AS UUID)", ties);
        rows.sort(java.util.Comparator.comparing(r -> r.get("id").toString()));
        String first = rows.get(0).get("url_path").toString();
        String last = rows.get(1).get("url_path").toString();
        JsonNode flow = get("flow", "website_id=" + ties + "&" + WEEK, key).json().get("data");
        assertThat(flow.get("landing_pages").toString()).isEqualTo("[{\"path\":\"" + first + "\",\"entries\":1}]");
        assertThat(flow.get("exit_pages").toString()).isEqualTo("[{\"path\":\"" + last + "\",\"exits\":1}]");
    }
}
