package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TinyTrail reports about behaviour over time, over real HTTP with exact values from the events the test sent:
 * {@code /api/v1/reports/funnel}, {@code /realtime}, {@code /custom-events} and {@code /timeseries}. Dated traffic
 * goes through {@code /api/send} with explicit timestamps (TinyTrail's collect has none); the realtime traffic goes
 * through {@code /api/v1/collect}.
 */
class TinyTrailActivityReportsTest {
    static final String NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
    static final String BROWSER = Traffic.CHROME_WIN;
    static TestServer server;
    static String adminKey;
    static String account;
    static String userKey;
    static String otherKey;
    static String funnelSite;
    static String seriesSite;
    static String eventsSite;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("TINYTRAIL_API_RATE_LIMIT", "100000", "TINYTRAIL_COLLECT_RATE_LIMIT", "100000"));
        adminKey = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
        account = createAccount("Acme");
        userKey = createUserKey(account);
        otherKey = createUserKey(createAccount("Other"));
        funnelSite = createSite(account, "funnel.example", "[{\"name\":\"Signup\",\"pattern\":\"/signup\"}]");
        seriesSite = createSite(account, "series.example", "[{\"name\":\"About\",\"pattern\":\"/about\"}]");
        eventsSite = createSite(account, "events.example", "[{\"name\":\"Docs\",\"pattern\":\"/docs/*\"}]");
        sendFunnelTraffic();
        sendSeriesTraffic();
        sendCustomEvents();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- helpers ----

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpClientForTests.Response get(String pathAndQuery, String key) {
        return call("GET", pathAndQuery, null, key);
    }

    static JsonNode data(HttpClientForTests.Response res) {
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.header("content-type")).startsWith("application/json");
        JsonNode body = res.json();
        assertThat(body.get("status").asText()).isEqualTo("success");
        return body.get("data");
    }

    static void error(HttpClientForTests.Response res, int status, String code, String message) {
        assertThat(res.status()).as(res.body()).isEqualTo(status);
        assertThat(res.body()).isEqualTo("{\"status\":\"error\",\"error\":{\"code\":\"" + code + "\",\"message\":\""
                + message.replace("\"", "\\\"") + "\"}}");
    }

    static void csv(HttpClientForTests.Response res, String fileName, String body) {
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.header("content-type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(res.header("content-disposition")).isEqualTo("attachment; filename=\"" + fileName + "\"");
        assertThat(res.body()).isEqualTo(body);
    }

    static String funnel(String period, String... steps) {
        StringBuilder s = new StringBuilder("/api/v1/reports/funnel?website_id=" + funnelSite + "&" + period);
        for (String step : steps) s.append("&").append(q("steps[]")).append("=").append(q(step));
        return s.toString();
    }

    static final String FUNNEL_WEEK = "start_date=2026-03-10&end_date=2026-03-16";

    static String step(String step, long sessions, String rate) {
        return "{\"step\":\"" + step + "\",\"sessions\":" + sessions + ",\"conversion_rate\":" + rate + "}";
    }

    // ---- funnel ----

    @Test
    void funnelCountsSessionsThatTookTheStepsInOrder() {
        JsonNode d = data(get(funnel(FUNNEL_WEEK, "/pricing", "/signup", "/onboarding"), userKey));
        assertThat(d.toString()).isEqualTo("{\"period\":{\"start\":\"2026-03-10\",\"end\":\"2026-03-16\"},\"funnel\":["
                + step("/pricing", 9, "100.0") + "," + step("/signup", 5, "55.56") + "," + step("/onboarding", 2, "40.0") + "]}");
    }

    @Test
    void funnelSessionsSplitAfterThirtyMinutesWithoutAnEvent() {
        // On the 11th: c's /signup came 30 min 1 s after its /pricing (a new session); d's steps 20 min apart count.
        JsonNode d = data(get(funnel("start_date=2026-03-11&end_date=2026-03-11", "/pricing", "/signup", "/onboarding"), userKey));
        assertThat(d.get("funnel").toString()).isEqualTo("[" + step("/pricing", 2, "100.0") + "," + step("/signup", 1, "50.0")
                + "," + step("/onboarding", 1, "100.0") + "]");
    }

    @Test
    void funnelStepsMayBeEventTypesAndCustomEventNames() {
        // h: pageview, scroll_50, signup_complete in order; i sent signup_complete first, then the pageview and scroll_50
        JsonNode d = data(get(funnel(FUNNEL_WEEK, "page_view", "scroll_50", "signup_complete"), userKey));
        assertThat(d.get("funnel").toString()).isEqualTo("[" + step("page_view", 10, "100.0") + ","
                + step("scroll_50", 2, "20.0") + "," + step("signup_complete", 1, "50.0") + "]");
        // "custom" is any custom event that is not an automatic type: h's signup_complete after /pricing
        JsonNode custom = data(get(funnel(FUNNEL_WEEK, "/pricing", "custom"), userKey));
        assertThat(custom.get("funnel").toString()).isEqualTo("[" + step("/pricing", 9, "100.0") + "," + step("custom", 1, "11.11") + "]");
    }

    @Test
    void funnelOfAContentGroupCountsTheSessionsThatViewedIt() {
        // c's first session never viewed /signup (the Signup group): six /pricing sessions remain
        JsonNode d = data(get(funnel(FUNNEL_WEEK + "&content_group=Signup", "/pricing", "/signup", "/onboarding"), userKey));
        assertThat(d.get("funnel").toString()).isEqualTo("[" + step("/pricing", 6, "100.0") + "," + step("/signup", 5, "83.33")
                + "," + step("/onboarding", 2, "40.0") + "]");
    }

    @Test
    void funnelConversionAfterAnEmptyStepIsZero() {
        JsonNode d = data(get(funnel(FUNNEL_WEEK, "/nowhere", "/pricing"), userKey));
        assertThat(d.get("funnel").toString()).isEqualTo("[" + step("/nowhere", 0, "100.0") + "," + step("/pricing", 0, "0.0") + "]");
    }

    @Test
    void funnelAsCsv() {
        csv(get(funnel(FUNNEL_WEEK, "/pricing", "/signup", "/onboarding") + "&format=csv", userKey),
                "funnel-2026-03-10-to-2026-03-16.csv",
                "step,sessions,conversion_rate\r\n/pricing,9,100\r\n/signup,5,55.56\r\n/onboarding,2,40\r\n");
    }

    @Test
    void funnelNeedsTwoSteps() {
        error(get(funnel(FUNNEL_WEEK, "/pricing"), userKey), 400, "INVALID_PAYLOAD", "'steps[]' needs at least 2 steps");
        error(get(funnel(FUNNEL_WEEK), userKey), 400, "INVALID_PAYLOAD", "'steps[]' needs at least 2 steps");
        error(get(funnel(FUNNEL_WEEK, "/a", ""), userKey), 400, "INVALID_PAYLOAD",
                "each of 'steps[]' must be a path or an event type of 1 to 500 characters");
        String[] many = new String[21];
        for (int i = 0; i < many.length; i++) many[i] = "/p" + i;
        error(get(funnel(FUNNEL_WEEK, many), userKey), 400, "INVALID_PAYLOAD", "'steps[]' takes at most 20 steps");
    }

    // ---- timeseries ----

    static final String SERIES_DAYS = "start_date=2026-03-10&end_date=2026-03-14";

    static String series(String metric, String path) {
        return "/api/v1/reports/timeseries?website_id=" + seriesSite + "&" + SERIES_DAYS
                + (metric == null ? "" : "&metric=" + metric) + (path == null ? "" : "&path=" + q(path));
    }

    /** The series' values in day order, as JSON text ("4,0,3,1,2"). */
    static String values(JsonNode d, String metric, String path) {
        assertThat(d.get("metric").asText()).isEqualTo(metric);
        assertThat(d.get("path").asText()).isEqualTo(path);
        List<String> dates = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (JsonNode p : d.get("series")) {
            dates.add(p.get("date").asText());
            out.add(p.get("value").toString());
        }
        assertThat(dates).containsExactly("2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14");
        return String.join(",", out);
    }

    @Test
    void timeseriesHasEveryDayOfThePeriodWithZeroDays() {
        JsonNode d = data(get(series(null, null), userKey));
        assertThat(d.toString()).isEqualTo("{\"period\":{\"start\":\"2026-03-10\",\"end\":\"2026-03-14\"},\"metric\":\"pageviews\","
                + "\"path\":\"*\",\"series\":[{\"date\":\"2026-03-10\",\"value\":4},{\"date\":\"2026-03-11\",\"value\":0},"
                + "{\"date\":\"2026-03-12\",\"value\":5},{\"date\":\"2026-03-13\",\"value\":1},{\"date\":\"2026-03-14\",\"value\":2}]}");
    }

    @Test
    void timeseriesCountMetricsAreSummedPerDay() {
        assertThat(values(data(get(series("unique_pageviews", null), userKey)), "unique_pageviews", "*")).isEqualTo("4,0,4,1,2");
        assertThat(values(data(get(series("visits", null), userKey)), "visits", "*")).isEqualTo("2,0,3,1,1");
        assertThat(values(data(get(series("landing_page_entries", null), userKey)), "landing_page_entries", "*")).isEqualTo("2,0,3,1,1");
        // d's visit started on the 13th and left from /about after midnight: its exit is on the 14th
        assertThat(values(data(get(series("exit_page_exits", null), userKey)), "exit_page_exits", "*")).isEqualTo("2,0,3,0,2");
    }

    @Test
    void timeseriesRateMetricsAreTheDaysAverages() {
        // 12th: c bounced (one pageview, then an event 600 s later), a (60 s) and f (181 s) did not
        assertThat(values(data(get(series("bounce_rate", null), userKey)), "bounce_rate", "*")).isEqualTo("50.0,0.0,33.33,0.0,100.0");
        assertThat(values(data(get(series("avg_session_duration", null), userKey)), "avg_session_duration", "*"))
                .isEqualTo("150.0,0.0,280.33,1200.0,0.0");
    }

    @Test
    void timeseriesForOnePath() {
        assertThat(values(data(get(series(null, "/about"), userKey)), "pageviews", "/about")).isEqualTo("2,0,2,0,2");
        assertThat(values(data(get(series("unique_pageviews", "/about"), userKey)), "unique_pageviews", "/about")).isEqualTo("2,0,2,0,2");
        assertThat(values(data(get(series("visits", "/about"), userKey)), "visits", "/about")).isEqualTo("2,0,2,1,1");
        assertThat(values(data(get(series("bounce_rate", "/about"), userKey)), "bounce_rate", "/about")).isEqualTo("50.0,0.0,50.0,0.0,100.0");
        assertThat(values(data(get(series("avg_session_duration", "/about"), userKey)), "avg_session_duration", "/about"))
                .isEqualTo("150.0,0.0,390.5,1200.0,0.0");
        assertThat(values(data(get(series("landing_page_entries", "/about"), userKey)), "landing_page_entries", "/about")).isEqualTo("1,0,1,0,1");
        assertThat(values(data(get(series("exit_page_exits", "/about"), userKey)), "exit_page_exits", "/about")).isEqualTo("1,0,2,0,2");
        assertThat(values(data(get(series("visits", "*"), userKey)), "visits", "*")).isEqualTo("2,0,3,1,1");
    }

    @Test
    void timeseriesCountsAddUpToTheOtherReports() {
        JsonNode summary = data(get("/api/v1/reports/summary?website_id=" + seriesSite + "&" + SERIES_DAYS, userKey)).get("metrics");
        assertThat(summary.get("visits").get("value").asLong()).isEqualTo(2 + 3 + 1 + 1);
        assertThat(summary.get("pageviews").get("value").asLong()).isEqualTo(4 + 5 + 1 + 2);
        long unique = 0;
        for (JsonNode row : data(get("/api/v1/reports/pages?website_id=" + seriesSite + "&" + SERIES_DAYS, userKey)).get("rows")) {
            unique += row.get("uniquePageviews").asLong();
        }
        assertThat(unique).isEqualTo(4 + 4 + 1 + 2);
        long entries = 0;
        for (JsonNode row : data(get("/api/v1/reports/flow?website_id=" + seriesSite + "&" + SERIES_DAYS, userKey)).get("landing_pages")) {
            entries += row.get("entries").asLong();
        }
        assertThat(entries).isEqualTo(2 + 3 + 1 + 1);
    }

    @Test
    void timeseriesOfAContentGroupAddsUpToTheSummaryAndFlowOfTheGroup() {
        String group = "&content_group=About";
        assertThat(values(data(get(series(null, null) + group, userKey)), "pageviews", "*")).isEqualTo("2,0,2,0,2");
        // as the summary counts a group's visits: their rows on the group's paths, so d's visit starts on the 14th
        assertThat(values(data(get(series("visits", null) + group, userKey)), "visits", "*")).isEqualTo("2,0,2,0,2");
        assertThat(values(data(get(series("landing_page_entries", null) + group, userKey)), "landing_page_entries", "*"))
                .isEqualTo("1,0,1,0,1");
        JsonNode summary = data(get("/api/v1/reports/summary?website_id=" + seriesSite + "&" + SERIES_DAYS + group, userKey)).get("metrics");
        assertThat(summary.get("visits").get("value").asLong()).isEqualTo(6);
        assertThat(summary.get("pageviews").get("value").asLong()).isEqualTo(6);
        long entries = 0;
        for (JsonNode row : data(get("/api/v1/reports/flow?website_id=" + seriesSite + "&" + SERIES_DAYS + group, userKey)).get("landing_pages")) {
            entries += row.get("entries").asLong();
        }
        assertThat(entries).isEqualTo(3);
    }

    @Test
    void timeseriesAsCsv() {
        csv(get(series("bounce_rate", null) + "&format=csv", userKey), "timeseries-2026-03-10-to-2026-03-14.csv",
                "date,value\r\n2026-03-10,50\r\n2026-03-11,0\r\n2026-03-12,33.33\r\n2026-03-13,0\r\n2026-03-14,100\r\n");
        csv(get(series("visits", null) + "&format=csv", userKey), "timeseries-2026-03-10-to-2026-03-14.csv",
                "date,value\r\n2026-03-10,2\r\n2026-03-11,0\r\n2026-03-12,3\r\n2026-03-13,1\r\n2026-03-14,1\r\n");
    }

    @Test
    void timeseriesRejectsAnUnknownMetricOrPath() {
        error(get(series("sessions", null), userKey), 400, "INVALID_PAYLOAD", "'metric' must be one of visits, pageviews, "
                + "unique_pageviews, bounce_rate, avg_session_duration, landing_page_entries, exit_page_exits");
        error(get(series(null, "about"), userKey), 400, "INVALID_PAYLOAD",
                "'path' must be a page path starting with / (at most 4000 characters)");
        error(get("/api/v1/reports/timeseries?website_id=" + seriesSite + "&start_date=2000-01-01&end_date=9999-12-31", userKey),
                400, "INVALID_PAYLOAD", "the timeseries covers at most 36600 days");
    }

    // ---- custom events ----

    static String customEvents(String extra) {
        return "/api/v1/reports/custom-events?website_id=" + eventsSite + "&start_date=2026-03-10&end_date=2026-03-16" + extra;
    }

    @Test
    void customEventsCountsByNameWithoutTheAutomaticTypes() {
        JsonNode d = data(get(customEvents(""), userKey));
        assertThat(d.toString()).isEqualTo("{\"period\":{\"start\":\"2026-03-10\",\"end\":\"2026-03-16\"},\"page\":1,\"per_page\":50,"
                + "\"rows\":[{\"name\":\"signup\",\"count\":3},{\"name\":\"a_event\",\"count\":2},{\"name\":\"video_play\",\"count\":2},"
                + "{\"name\":\"doc_open\",\"count\":1}]}");
    }

    @Test
    void customEventsArePaginated() {
        assertThat(data(get(customEvents("&per_page=2"), userKey)).get("rows").toString())
                .isEqualTo("[{\"name\":\"signup\",\"count\":3},{\"name\":\"a_event\",\"count\":2}]");
        JsonNode second = data(get(customEvents("&per_page=2&page=2"), userKey));
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("per_page").asInt()).isEqualTo(2);
        assertThat(second.get("rows").toString()).isEqualTo("[{\"name\":\"video_play\",\"count\":2},{\"name\":\"doc_open\",\"count\":1}]");
        assertThat(data(get(customEvents("&per_page=2&page=3"), userKey)).get("rows").toString()).isEqualTo("[]");
    }

    @Test
    void customEventsFilteredByName() {
        assertThat(data(get(customEvents("&event_name=video_play"), userKey)).get("rows").toString())
                .isEqualTo("[{\"name\":\"video_play\",\"count\":2}]");
        assertThat(data(get(customEvents("&event_name=scroll_50"), userKey)).get("rows").toString()).isEqualTo("[]");
        error(get(customEvents("&event_name=" + "x".repeat(501)), userKey), 400, "INVALID_PAYLOAD",
                "'event_name' must be at most 500 characters");
    }

    @Test
    void customEventsOfAContentGroupAreTheEventsOnItsPaths() {
        assertThat(data(get(customEvents("&content_group=Docs"), userKey)).get("rows").toString())
                .isEqualTo("[{\"name\":\"doc_open\",\"count\":1}]");
    }

    @Test
    void customEventsAsCsv() {
        csv(get(customEvents("&format=csv"), userKey), "custom-events-2026-03-10-to-2026-03-16.csv",
                "name,count\r\nsignup,3\r\na_event,2\r\nvideo_play,2\r\ndoc_open,1\r\n");
        csv(get(customEvents("&format=csv&per_page=1&page=2"), userKey), "custom-events-2026-03-10-to-2026-03-16.csv",
                "name,count\r\na_event,2\r\n");
    }

    // ---- realtime ----

    static HttpClientForTests.Response collect(String site, String type, String path, String extra, String userAgent) {
        String body = "{\"website_id\":\"" + site + "\",\"event_type\":\"" + type + "\",\"url\":\"https://live.example" + path
                + "\",\"path\":\"" + path + "\"" + extra + "}";
        return server.http().send("POST", "/api/v1/collect", body, null,
                Map.of("Content-Type", "application/json", "User-Agent", userAgent));
    }

    static String realtime(String site) {
        return "/api/v1/reports/realtime?website_id=" + site;
    }

    @Test
    void realtimeCountsTheLastThirtyMinutes() {
        String site = createSite(account, "live.example");
        String safari = Traffic.SAFARI_IPHONE;
        for (String[] e : new String[][]{{"page_view", "/", ""}, {"page_view", "/blog", ""}, {"scroll_50", "/blog", ""},
                {"custom", "/blog", ""}}) {
            assertThat(collect(site, e[0], e[1], e[2], BROWSER).status()).isEqualTo(202);
        }
        for (String[] e : new String[][]{{"page_view", "/", ""}, {"close_tab", "/", ""}, {"outbound_link", "/", ""},
                {"custom", "/", ",\"properties\":{\"name\":\"signup\"}"}}) {
            assertThat(collect(site, e[0], e[1], e[2], safari).status()).isEqualTo(202);
        }
        collect(site, "page_view", "/bot", "", "Googlebot/2.1 (+http://www.google.com/bot.html)");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Traffic t = new Traffic(server, site);
        t.visitor("recent", BROWSER, null, null, null).view(now.minus(25, ChronoUnit.MINUTES).toString(), "/recent", null);
        t.visitor("old", BROWSER, null, null, null).view(now.minus(35, ChronoUnit.MINUTES).toString(), "/old", null);

        JsonNode d = data(get(realtime(site) + "&period=30d&start_date=2020-01-01", userKey));
        assertThat(d.toString()).isEqualTo("{\"active_visitors\":3,"
                + "\"top_pages\":[{\"path\":\"/\",\"visitors\":2},{\"path\":\"/blog\",\"visitors\":1},{\"path\":\"/recent\",\"visitors\":1}],"
                + "\"events_by_type\":[{\"eventType\":\"page_view\",\"count\":4},{\"eventType\":\"custom\",\"count\":2},"
                + "{\"eventType\":\"close_tab\",\"count\":1},{\"eventType\":\"outbound_link\",\"count\":1},"
                + "{\"eventType\":\"scroll_50\",\"count\":1}]}");
    }

    @Test
    void realtimeListsTheTopTenPages() {
        String site = createSite(account, "top.example");
        assertThat(collect(site, "page_view", "/p01", "", Traffic.SAFARI_IPHONE).status()).isEqualTo(202);
        for (int i = 1; i <= 11; i++) assertThat(collect(site, "page_view", String.format("/p%02d", i), "", BROWSER).status()).isEqualTo(202);
        JsonNode pages = data(get(realtime(site), userKey)).get("top_pages");
        List<String> listed = new ArrayList<>();
        for (JsonNode p : pages) listed.add(p.get("path").asText() + "=" + p.get("visitors").asLong());
        assertThat(listed).containsExactly("/p01=2", "/p02=1", "/p03=1", "/p04=1", "/p05=1", "/p06=1", "/p07=1", "/p08=1",
                "/p09=1", "/p10=1");
    }

    @Test
    void realtimeWindowIncludesBothEndsAndNothingOutside() throws Exception {
        String site = createSite(account, "edges.example");
        Traffic t = new Traffic(server, site);
        t.visitor("before", BROWSER, null, null, null).view("2026-03-10T11:59:59Z", "/before", null);
        t.visitor("first", BROWSER, null, null, null).view("2026-03-10T12:00:00Z", "/first", null);
        t.visitor("last", BROWSER, null, null, null).view("2026-03-10T12:30:00Z", "/last", null);
        t.visitor("after", BROWSER, null, null, null).view("2026-03-10T12:30:01Z", "/after", null);
        var a = io.footfall.tinytrail.report.RealtimeReport.run(server.server().stores().events(), java.util.UUID.fromString(site),
                Instant.parse("2026-03-10T12:30:00Z"));
        assertThat(a.activeVisitors()).isEqualTo(2);
        assertThat(a.topPages()).extracting(io.footfall.tinytrail.report.RealtimeReport.Page::path).containsExactly("/first", "/last");
    }

    @Test
    void realtimeAnswersJsonOnly() {
        error(get(realtime(funnelSite) + "&format=csv", userKey), 400, "INVALID_PAYLOAD",
                "the realtime report answers JSON only ('format' may only be json)");
    }

    // ---- bots and excluded IPs ----

    @Test
    void botsCountOnlyWithIncludeBotsAndExcludedIpsNever() {
        var created = call("POST", "/api/v1/websites", "{\"domain\":\"bots.example\",\"account_id\":\"" + account
                + "\",\"excluded_ips\":[\"192.0.2.0/24\"]}", adminKey);
        String site = created.json().get("data").get("id").asText();
        String googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        String[][] visitors = {{BROWSER, "198.51.100.10", "202"}, {googlebot, "198.51.100.11", "204"}, {BROWSER, "192.0.2.5", "204"}};
        for (String[] v : visitors) {
            for (String[] e : new String[][]{{"page_view", "/pricing", ""}, {"page_view", "/signup", ""},
                    {"custom", "/signup", ",\"properties\":{\"name\":\"signup\"}"}}) {
                String body = "{\"website_id\":\"" + site + "\",\"event_type\":\"" + e[0] + "\",\"url\":\"https://bots.example"
                        + e[1] + "\",\"path\":\"" + e[1] + "\"" + e[2] + "}";
                var res = server.http().send("POST", "/api/v1/collect", body, null,
                        Map.of("Content-Type", "application/json", "User-Agent", v[0], "X-Real-IP", v[1]));
                assertThat(res.status()).as(res.body()).isEqualTo(Integer.parseInt(v[2]));
            }
        }
        String w = "website_id=" + site + "&period=today";
        String steps = "&" + q("steps[]") + "=/pricing&" + q("steps[]") + "=/signup";
        assertThat(data(get("/api/v1/reports/funnel?" + w + steps, userKey)).get("funnel").toString())
                .isEqualTo("[" + step("/pricing", 1, "100.0") + "," + step("/signup", 1, "100.0") + "]");
        assertThat(data(get("/api/v1/reports/funnel?" + w + steps + "&include_bots=true", userKey)).get("funnel").toString())
                .isEqualTo("[" + step("/pricing", 2, "100.0") + "," + step("/signup", 2, "100.0") + "]");
        assertThat(data(get("/api/v1/reports/custom-events?" + w, userKey)).get("rows").toString())
                .isEqualTo("[{\"name\":\"signup\",\"count\":1}]");
        assertThat(data(get("/api/v1/reports/custom-events?" + w + "&include_bots=true", userKey)).get("rows").toString())
                .isEqualTo("[{\"name\":\"signup\",\"count\":2}]");
        assertThat(data(get("/api/v1/reports/timeseries?" + w, userKey)).get("series").get(0).get("value").asLong()).isEqualTo(2);
        assertThat(data(get("/api/v1/reports/timeseries?" + w + "&include_bots=true", userKey)).get("series").get(0).get("value").asLong())
                .isEqualTo(4);
        String expected = "{\"active_visitors\":1,\"top_pages\":[{\"path\":\"/pricing\",\"visitors\":1},"
                + "{\"path\":\"/signup\",\"visitors\":1}],\"events_by_type\":[{\"eventType\":\"page_view\",\"count\":2},"
                + "{\"eventType\":\"custom\",\"count\":1}]}";
        assertThat(data(get(realtime(site), userKey)).toString()).isEqualTo(expected);
        assertThat(data(get(realtime(site) + "&include_bots=true", userKey)).toString()).isEqualTo(expected);
    }

    // ---- common errors ----

    @Test
    void reportsNeedAKeyAWebsiteIdAndAReachableWebsite() {
        for (String report : new String[]{"funnel", "realtime", "custom-events", "timeseries"}) {
            String path = "/api/v1/reports/" + report + "?website_id=" + funnelSite + "&" + q("steps[]") + "=/a&" + q("steps[]") + "=/b";
            error(get(path, null), 401, "UNAUTHORIZED", "Missing or invalid X-API-KEY header");
            error(get(path, "tt_not_a_key"), 401, "UNAUTHORIZED", "Missing or invalid X-API-KEY header");
            error(get("/api/v1/reports/" + report, userKey), 400, "INVALID_PAYLOAD", "'website_id' is required");
            error(get(path, otherKey), 404, "NOT_FOUND", "Website not found");
            error(get(path.replace(funnelSite, NO_SUCH_ID), userKey), 404, "NOT_FOUND", "Website not found");
            assertThat(get(path, adminKey).status()).isEqualTo(200);
        }
    }

    // ---- setup through the public APIs ----

    static HttpClientForTests.Response call(String method, String path, String body, String key) {
        return server.http().send(method, path, body, null, key == null ? Map.of() : Map.of("X-API-KEY", key));
    }

    static String createAccount(String name) {
        var res = call("POST", "/api/v1/accounts", "{\"name\":\"" + name + "\"}", adminKey);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("id").asText();
    }

    static String createUserKey(String accountId) {
        var res = call("POST", "/api/v1/users", "{\"account_id\":\"" + accountId + "\",\"role\":\"user\"}", adminKey);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("apiKey").asText();
    }

    static String createSite(String accountId, String domain) {
        return createSite(accountId, domain, "[]");
    }

    static String createSite(String accountId, String domain, String contentGroups) {
        var res = call("POST", "/api/v1/websites", "{\"domain\":\"" + domain + "\",\"account_id\":\"" + accountId
                + "\",\"content_groups\":" + contentGroups + "}", adminKey);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("id").asText();
    }

    /**
     * Sessions are visits: one visitor's events split into a new one after 30 minutes without an event.
     * For the steps /pricing, /signup, /onboarding in 2026-03-10..16: step 1 is reached by a, b, c's first visit,
     * d, and f's two visits (6); step 2 in order by a, d and f twice (4: b saw /signup before /pricing, c's /signup
     * opened a new visit); step 3 by a and d (2: e's /onboarding comes before its /signup).
     */
    static void sendFunnelTraffic() {
        Traffic t = new Traffic(server, funnelSite);
        t.visitor("a", BROWSER, null, null, null).view("2026-03-10T10:00:00Z", "/pricing", null)
                .view("2026-03-10T10:05:00Z", "/signup", null).view("2026-03-10T10:10:00Z", "/onboarding", null);
        t.visitor("b", BROWSER, null, null, null).view("2026-03-10T11:00:00Z", "/signup", null)
                .view("2026-03-10T11:05:00Z", "/pricing", null).view("2026-03-10T11:10:00Z", "/onboarding", null);
        t.visitor("c", BROWSER, null, null, null).view("2026-03-11T09:00:00Z", "/pricing", null)
                .view("2026-03-11T09:30:01Z", "/signup", null).view("2026-03-11T09:31:00Z", "/onboarding", null);
        // d's steps are 20 minutes apart: one visit of 40 minutes
        t.visitor("d", BROWSER, null, null, null).view("2026-03-11T12:00:00Z", "/pricing", null)
                .view("2026-03-11T12:20:00Z", "/signup", null).view("2026-03-11T12:40:00Z", "/onboarding", null);
        t.visitor("e", BROWSER, null, null, null).view("2026-03-12T08:00:00Z", "/pricing", null)
                .view("2026-03-12T08:01:00Z", "/onboarding", null).view("2026-03-12T08:02:00Z", "/signup", null);
        t.visitor("f", BROWSER, null, null, null).view("2026-03-12T10:00:00Z", "/pricing", null)
                .view("2026-03-12T10:01:00Z", "/signup", null).view("2026-03-12T14:00:00Z", "/pricing", null)
                .view("2026-03-12T14:01:00Z", "/signup", null);
        // outside the period
        t.visitor("g", BROWSER, null, null, null).view("2026-03-20T10:00:00Z", "/pricing", null)
                .view("2026-03-20T10:01:00Z", "/signup", null);
        // event steps: a pageview, then scroll_50, then the custom event signup_complete
        t.visitor("h", BROWSER, null, null, null).view("2026-03-13T10:00:00Z", "/pricing", null)
                .event("2026-03-13T10:00:30Z", "/pricing", "scroll_50").event("2026-03-13T10:01:00Z", "/pricing", "signup_complete");
        t.visitor("i", BROWSER, null, null, null).event("2026-03-13T11:00:00Z", "/pricing", "signup_complete")
                .view("2026-03-13T11:00:10Z", "/pricing", null).event("2026-03-13T11:00:20Z", "/pricing", "scroll_50");
    }

    /**
     * 2026-03-10..14 (the 11th empty). 10th: a views /, /about, /pricing over 300 s; b bounces on /about.
     * 12th: c views /about then sends an event 600 s later (a bounce: one pageview); a views / twice 60 s apart;
     * f views /pricing then /about 181 s later. 13th: d views /blog at 23:50 and /about at 00:10 on the 14th (a
     * visit of the 13th). 14th: e bounces on /about. Outside: 23:59:59 on the 9th and midnight of the 15th.
     */
    static void sendSeriesTraffic() {
        Traffic t = new Traffic(server, seriesSite);
        t.visitor("a", BROWSER, null, null, null).view("2026-03-10T10:00:00Z", "/", null)
                .view("2026-03-10T10:02:00Z", "/about", null).view("2026-03-10T10:05:00Z", "/pricing", null)
                .view("2026-03-12T15:00:00Z", "/", null).view("2026-03-12T15:01:00Z", "/", null);
        t.visitor("b", BROWSER, null, null, null).view("2026-03-10T11:00:00Z", "/about", null);
        t.visitor("c", BROWSER, null, null, null).view("2026-03-12T09:00:00Z", "/about", null)
                .event("2026-03-12T09:10:00Z", "/about", "signup");
        t.visitor("f", BROWSER, null, null, null).view("2026-03-12T18:00:00Z", "/pricing", null)
                .view("2026-03-12T18:03:01Z", "/about", null);
        t.visitor("d", BROWSER, null, null, null).view("2026-03-13T23:50:00Z", "/blog", null)
                .view("2026-03-14T00:10:00Z", "/about", null);
        t.visitor("e", BROWSER, null, null, null).view("2026-03-14T12:00:00Z", "/about", null);
        t.visitor("g", BROWSER, null, null, null).view("2026-03-09T23:59:59Z", "/about", null);
        t.visitor("k", BROWSER, null, null, null).view("2026-03-15T00:00:00Z", "/about", null);
    }

    /**
     * In 2026-03-10..16: signup 3, a_event 2, video_play 2, doc_open 1 (on /docs/a, the Docs group); scroll_50 and
     * close_tab are types, not custom events.
     */
    static void sendCustomEvents() {
        Traffic t = new Traffic(server, eventsSite);
        t.visitor("a", BROWSER, null, null, null).view("2026-03-10T10:00:00Z", "/", null)
                .event("2026-03-10T10:00:10Z", "/", "signup").event("2026-03-10T10:00:20Z", "/", "video_play")
                .event("2026-03-10T10:00:30Z", "/", "scroll_50").event("2026-03-10T10:00:40Z", "/", "close_tab");
        t.visitor("b", BROWSER, null, null, null).event("2026-03-12T10:00:00Z", "/", "signup")
                .event("2026-03-12T10:00:10Z", "/", "a_event").event("2026-03-12T10:00:20Z", "/", "scroll_50")
                .event("2026-03-16T23:59:59Z", "/", "signup");
        t.visitor("c", BROWSER, null, null, null).event("2026-03-13T10:00:00Z", "/", "a_event")
                .event("2026-03-13T10:00:10Z", "/", "video_play").event("2026-03-13T10:00:20Z", "/docs/a", "doc_open")
                .event("2026-03-17T00:00:00Z", "/", "signup");
    }
}
