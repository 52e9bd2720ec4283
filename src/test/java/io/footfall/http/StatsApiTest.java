package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.footfall.testing.Traffic.CHROME_WIN;
import static io.footfall.testing.Traffic.FIREFOX_LINUX;
import static io.footfall.testing.Traffic.SAFARI_IPHONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics endpoints over a small known data set sent through /api/send, 7–8 March 2026
 * (US daylight saving starts 8 March 07:00 UTC):
 * <pre>
 * A chrome/US  07 10:00 / (google)  10:05 /pricing  10:06 signup  10:10 /docs  | 08 15:00 /pricing (new visit)
 * B ios/DE     07 23:30 / (t.co)    23:40 /blog/post-1
 * C firefox/GB 08 06:30 /?utm_source=newsletter&utm_medium=email
 * D chrome/US  08 08:00 /pricing?gclid=xyz (referrer: own site)  08:01 signup  08:02 download
 * E chrome/US  06 12:00 /  (previous window only)
 * </pre>
 */
class StatsApiTest {
    static TestServer server;
    static String site;
    static final String RANGE = "startAt=" + Instant.parse("2026-03-07T00:00:00Z").toEpochMilli()
            + "&endAt=" + (Instant.parse("2026-03-09T00:00:00Z").toEpochMilli() - 1);

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = server.createWebsite("Stats", "example.com");
        String noise = server.createWebsite("Noise", "noise.org");
        Traffic t = new Traffic(server, site);
        new Traffic(server, noise).visitor("n1", CHROME_WIN, "US", null, null).view("2026-03-07T12:00:00Z", "/", null);
        t.visitor("E", CHROME_WIN, "US", "CA", "San Francisco").view("2026-03-06T12:00:00Z", "/", null);
        var a = t.visitor("A", CHROME_WIN, "US", "CA", "San Francisco");
        var b = t.visitor("B", SAFARI_IPHONE, "DE", "BE", "Berlin");
        var c = t.visitor("C", FIREFOX_LINUX, "GB", null, "London");
        var d = t.visitor("D", CHROME_WIN, "US", null, null);
        a.view("2026-03-07T10:00:00Z", "/", "https://www.google.com/search?q=x")
                .view("2026-03-07T10:05:00Z", "/pricing", null)
                .event("2026-03-07T10:06:00Z", "/pricing", "signup")
                .view("2026-03-07T10:10:00Z", "/docs", null);
        b.view("2026-03-07T23:30:00Z", "/", "https://t.co/abc")
                .view("2026-03-07T23:40:00Z", "/blog/post-1", null);
        c.view("2026-03-08T06:30:00Z", "/?utm_source=newsletter&utm_medium=email", null);
        d.view("2026-03-08T08:00:00Z", "/pricing?gclid=xyz", "https://example.com/")
                .event("2026-03-08T08:01:00Z", "/pricing", "signup")
                .event("2026-03-08T08:02:00Z", "/pricing", "download");
        a.view("2026-03-08T15:00:00Z", "/pricing", null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode get(String endpoint, String query) {
        var res = server.http().get("/api/websites/" + site + "/" + endpoint + "?" + RANGE + (query.isEmpty() ? "" : "&" + query),
                server.adminToken());
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json();
    }

    static String stats(String query) {
        JsonNode j = get("stats", query);
        return j.get("pageviews") + "/" + j.get("visitors") + "/" + j.get("visits") + "/" + j.get("bounces") + "/" + j.get("totaltime");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void statsCountViewsVisitorsVisitsBouncesAndTotaltime() {
        JsonNode j = get("stats", "");
        assertThat(j.toString()).isEqualTo("{\"pageviews\":8,\"visitors\":4,\"visits\":5,\"bounces\":3,\"totaltime\":1200,"
                + "\"comparison\":{\"pageviews\":1,\"visitors\":1,\"visits\":1,\"bounces\":1,\"totaltime\":0}}");
    }

    @Test
    void statsCompareYoyReadsLastYear() {
        assertThat(get("stats", "compare=yoy").get("comparison").get("pageviews").asLong()).isZero();
    }

    @Test
    void filtersApplyBeforeGrouping() {
        assertThat(stats("path=/pricing")).isEqualTo("3/2/3/3/0");
        assertThat(stats("path=c.PRIC")).isEqualTo("3/2/3/3/0");
        assertThat(stats("path=neq./")).isEqualTo("5/3/4/3/300");
        assertThat(stats("path=eq./pricing,/docs")).isEqualTo("4/2/3/2/300");
        assertThat(stats("path=dnc.pricing")).isEqualTo("5/3/3/1/1200");
        assertThat(stats("path=" + enc("re.^/(docs|blog)"))).isEqualTo("2/2/2/2/0");
        assertThat(stats("path=" + enc("nre.^/(docs|blog)"))).isEqualTo("6/4/5/4/300");
        assertThat(stats("browser=ios")).isEqualTo("2/1/1/0/600");
        assertThat(stats("country=US&browser=chrome")).isEqualTo("5/2/3/2/600");
        assertThat(stats("referrer=google.com")).isEqualTo("1/1/1/1/0");
        assertThat(stats("query=c.gclid")).isEqualTo("1/1/1/1/0");
        assertThat(stats("region=US-CA")).isEqualTo("4/1/2/1/600");
        assertThat(stats("city=London")).isEqualTo("1/1/1/1/0");
        assertThat(stats("hostname=example.com")).isEqualTo("8/4/5/3/1200");
        assertThat(stats("os=iOS")).isEqualTo("2/1/1/0/600");
        assertThat(stats("device=mobile")).isEqualTo("2/1/1/0/600");
        assertThat(stats("distinctId=C")).isEqualTo("1/1/1/1/0");
        assertThat(stats("utmMedium=email")).isEqualTo("1/1/1/1/0");
        assertThat(stats("browser1=firefox")).isEqualTo("1/1/1/1/0");
    }

    @Test
    void eventFilterOnStatsGivesNoPageviews() {
        assertThat(stats("event=signup")).isEqualTo("0/0/0/0/0");
    }

    @Test
    void pageviewsByDayInUtcUseIsoFormatAndAlwaysCarrySessions() {
        JsonNode j = get("pageviews", "unit=day");
        assertThat(j.get("pageviews").toString()).isEqualTo(
                "[{\"x\":\"2026-03-07T00:00:00Z\",\"y\":5},{\"x\":\"2026-03-08T00:00:00Z\",\"y\":3}]");
        assertThat(j.get("sessions").toString()).isEqualTo(
                "[{\"x\":\"2026-03-07T00:00:00Z\",\"y\":2},{\"x\":\"2026-03-08T00:00:00Z\",\"y\":3}]");
        assertThat(j.has("compare")).isFalse();
        assertThat(get("pageviews", "unit=day&timezone=utc").get("pageviews").get(0).get("x").asText())
                .isEqualTo("2026-03-07T00:00:00Z");
    }

    @Test
    void pageviewsInNamedZonesUseLocalWallTime() {
        assertThat(get("pageviews", "unit=day&timezone=UTC").get("pageviews").get(0).get("x").asText())
                .isEqualTo("2026-03-07 00:00:00");
        JsonNode berlin = get("pageviews", "unit=day&timezone=Europe/Berlin");
        assertThat(berlin.get("pageviews").toString()).isEqualTo(
                "[{\"x\":\"2026-03-07 00:00:00\",\"y\":3},{\"x\":\"2026-03-08 00:00:00\",\"y\":5}]");
        assertThat(berlin.get("sessions").toString()).isEqualTo(
                "[{\"x\":\"2026-03-07 00:00:00\",\"y\":1},{\"x\":\"2026-03-08 00:00:00\",\"y\":4}]");
        JsonNode kolkata = get("pageviews", "unit=hour&timezone=Asia/Kolkata");
        assertThat(kolkata.get("pageviews").toString()).isEqualTo("[{\"x\":\"2026-03-07 15:00:00\",\"y\":3},"
                + "{\"x\":\"2026-03-08 05:00:00\",\"y\":2},{\"x\":\"2026-03-08 12:00:00\",\"y\":1},"
                + "{\"x\":\"2026-03-08 13:00:00\",\"y\":1},{\"x\":\"2026-03-08 20:00:00\",\"y\":1}]");
    }

    @Test
    void pageviewsAcrossDaylightSavingStartShiftByOneHour() {
        JsonNode ny = get("pageviews", "unit=hour&timezone=America/New_York");
        // C at 06:30Z is still EST (01:30); D at 08:00Z is already EDT (04:00).
        assertThat(ny.get("pageviews").toString()).isEqualTo("[{\"x\":\"2026-03-07 05:00:00\",\"y\":3},"
                + "{\"x\":\"2026-03-07 18:00:00\",\"y\":2},{\"x\":\"2026-03-08 01:00:00\",\"y\":1},"
                + "{\"x\":\"2026-03-08 04:00:00\",\"y\":1},{\"x\":\"2026-03-08 11:00:00\",\"y\":1}]");
    }

    @Test
    void unitWidensWhenTheRangeIsTooLong() {
        // 48 hours allow hour but not minute: minute widens to hour.
        assertThat(get("pageviews", "unit=minute").get("pageviews").get(0).get("x").asText()).isEqualTo("2026-03-07T10:00:00Z");
    }

    @Test
    void pageviewsCompareAddsDatesAndPreviousSeries() {
        JsonNode j = get("pageviews", "unit=day&compare=prev");
        assertThat(j.get("startDate").asText()).isEqualTo("2026-03-07T00:00:00.000Z");
        assertThat(j.get("endDate").asText()).isEqualTo("2026-03-08T23:59:59.999Z");
        assertThat(j.get("compare").get("pageviews").toString()).isEqualTo("[{\"x\":\"2026-03-06T00:00:00Z\",\"y\":1}]");
        assertThat(j.get("compare").get("sessions").toString()).isEqualTo("[{\"x\":\"2026-03-06T00:00:00Z\",\"y\":1}]");
        assertThat(j.get("compare").get("startDate").asText()).isEqualTo("2026-03-05T00:01:00.000Z");
    }

    @Test
    void pathMetricsCountDistinctSessions() {
        assertThat(get("metrics", "type=path").toString()).isEqualTo("[{\"x\":\"/\",\"y\":3},{\"x\":\"/pricing\",\"y\":2},"
                + "{\"x\":\"/blog/post-1\",\"y\":1},{\"x\":\"/docs\",\"y\":1}]");
        assertThat(get("metrics", "type=path&limit=1&offset=1").toString()).isEqualTo("[{\"x\":\"/pricing\",\"y\":2}]");
        assertThat(get("metrics", "type=path&search=BLOG").toString()).isEqualTo("[{\"x\":\"/blog/post-1\",\"y\":1}]");
    }

    @Test
    void entryAndExitUseEachVisitsFirstAndLastView() {
        assertThat(get("metrics", "type=entry").toString()).isEqualTo("[{\"x\":\"/\",\"y\":3},{\"x\":\"/pricing\",\"y\":2}]");
        assertThat(get("metrics", "type=exit").toString()).isEqualTo("[{\"x\":\"/pricing\",\"y\":2},{\"x\":\"/\",\"y\":1},"
                + "{\"x\":\"/blog/post-1\",\"y\":1},{\"x\":\"/docs\",\"y\":1}]");
    }

    @Test
    void entryAndExitWithFiltersKeepVisitsWithAMatchingView() {
        // Visits touching /pricing: A's first (entry /, exit /docs), D's and A's second (both /pricing only).
        assertThat(get("metrics", "type=entry&path=/pricing").toString()).isEqualTo("[{\"x\":\"/pricing\",\"y\":2},{\"x\":\"/\",\"y\":1}]");
        assertThat(get("metrics", "type=exit&path=/pricing").toString()).isEqualTo("[{\"x\":\"/pricing\",\"y\":2},{\"x\":\"/docs\",\"y\":1}]");
        assertThat(get("metrics", "type=entry&browser=ios").toString()).isEqualTo("[{\"x\":\"/\",\"y\":1}]");
        assertThat(get("metrics", "type=entry&search=pric").toString()).isEqualTo("[{\"x\":\"/pricing\",\"y\":2},{\"x\":\"/\",\"y\":1}]");
    }

    @Test
    void channelsWithFiltersAndExpanded() {
        assertThat(get("metrics", "type=channel&country=US").toString()).isEqualTo("[{\"x\":\"direct\",\"y\":1},"
                + "{\"x\":\"organicSearch\",\"y\":1},{\"x\":\"paidAds\",\"y\":1}]");
        assertThat(get("metrics/expanded", "type=channel&country=US").toString()).isEqualTo(
                "[{\"name\":\"direct\",\"pageviews\":3,\"visitors\":1,\"visits\":2,\"bounces\":1,\"totaltime\":300},"
                        + "{\"name\":\"organicSearch\",\"pageviews\":1,\"visitors\":1,\"visits\":1,\"bounces\":1,\"totaltime\":0},"
                        + "{\"name\":\"paidAds\",\"pageviews\":1,\"visitors\":1,\"visits\":1,\"bounces\":1,\"totaltime\":0}]");
        assertThat(get("metrics", "type=channel&path=/blog/post-1").toString()).isEqualTo("[{\"x\":\"direct\",\"y\":1}]");
    }

    @Test
    void referrersExcludeOwnHostnameAndEmpty() {
        assertThat(get("metrics", "type=referrer").toString()).isEqualTo("[{\"x\":\"google.com\",\"y\":1},{\"x\":\"t.co\",\"y\":1}]");
    }

    @Test
    void channelsClassifyEachHit() {
        assertThat(get("metrics", "type=channel").toString()).isEqualTo("[{\"x\":\"direct\",\"y\":2},{\"x\":\"email\",\"y\":1},"
                + "{\"x\":\"organicSearch\",\"y\":1},{\"x\":\"organicSocial\",\"y\":1},{\"x\":\"paidAds\",\"y\":1}]");
    }

    @Test
    void sessionAttributeMetrics() {
        assertThat(get("metrics", "type=browser").toString()).isEqualTo("[{\"x\":\"chrome\",\"y\":2},{\"x\":\"firefox\",\"y\":1},{\"x\":\"ios\",\"y\":1}]");
        assertThat(get("metrics", "type=country").toString()).isEqualTo("[{\"x\":\"US\",\"y\":2},{\"x\":\"DE\",\"y\":1},{\"x\":\"GB\",\"y\":1}]");
        assertThat(get("metrics", "type=region").toString()).isEqualTo("[{\"x\":\"DE-BE\",\"y\":1,\"country\":\"DE\"},"
                + "{\"x\":\"US-CA\",\"y\":1,\"country\":\"US\"}]");
        assertThat(get("metrics", "type=language").toString()).isEqualTo("[{\"x\":\"en\",\"y\":4}]");
        // Umami 3.1: a 1920 px desktop screen is a laptop; an iPhone is mobile whatever screen it reports.
        assertThat(get("metrics", "type=device").toString()).isEqualTo("[{\"x\":\"laptop\",\"y\":3},{\"x\":\"mobile\",\"y\":1}]");
        assertThat(get("metrics", "type=screen").toString()).isEqualTo("[{\"x\":\"1920x1080\",\"y\":4}]");
        assertThat(get("metrics", "type=distinctId").toString()).isEqualTo("[{\"x\":\"A\",\"y\":1},{\"x\":\"B\",\"y\":1},{\"x\":\"C\",\"y\":1},{\"x\":\"D\",\"y\":1}]");
        assertThat(get("metrics", "type=hostname").toString()).isEqualTo("[{\"x\":\"example.com\",\"y\":4}]");
        assertThat(get("metrics", "type=title").toString()).isEqualTo("[{\"x\":\"Example\",\"y\":4}]");
        assertThat(get("metrics", "type=query").toString()).isEqualTo("[{\"x\":\"gclid=xyz\",\"y\":1},"
                + "{\"x\":\"utm_source=newsletter&utm_medium=email\",\"y\":1}]");
    }

    @Test
    void eventMetricsCountEvents() {
        assertThat(get("metrics", "type=event").toString()).isEqualTo("[{\"x\":\"signup\",\"y\":2},{\"x\":\"download\",\"y\":1}]");
    }

    @Test
    void expandedMetricsGiveFullTotalsPerValue() {
        assertThat(get("metrics/expanded", "type=path&limit=2").toString()).isEqualTo(
                "[{\"name\":\"/\",\"pageviews\":3,\"visitors\":3,\"visits\":3,\"bounces\":3,\"totaltime\":0},"
                        + "{\"name\":\"/pricing\",\"pageviews\":3,\"visitors\":2,\"visits\":3,\"bounces\":3,\"totaltime\":0}]");
        assertThat(get("metrics/expanded", "type=browser&browser=ios").toString()).isEqualTo(
                "[{\"name\":\"ios\",\"pageviews\":2,\"visitors\":1,\"visits\":1,\"bounces\":0,\"totaltime\":600}]");
    }

    @Test
    void metricTypeUrlAndUnknownTypesAre400() {
        for (String q : new String[]{"type=url", "type=nope", ""}) {
            var res = server.http().get("/api/websites/" + site + "/metrics?" + RANGE + "&" + q, server.adminToken());
            assertThat(res.status()).as(q).isEqualTo(400);
        }
    }

    @Test
    void eventListIsNewestFirstWithSearch() {
        JsonNode j = get("events", "pageSize=3");
        assertThat(j.get("count").asLong()).isEqualTo(11);
        assertThat(j.get("page").asInt()).isEqualTo(1);
        assertThat(j.get("pageSize").asInt()).isEqualTo(3);
        assertThat(j.get("data")).hasSize(3);
        JsonNode first = j.get("data").get(0);
        assertThat(first.get("createdAt").asText()).isEqualTo("2026-03-08T15:00:00.000Z");
        assertThat(first.get("urlPath").asText()).isEqualTo("/pricing");
        assertThat(first.get("eventType").asInt()).isEqualTo(1);
        assertThat(first.get("hasData").asInt()).isZero();
        JsonNode signups = get("events", "search=SIGN");
        assertThat(signups.get("count").asLong()).isEqualTo(2);
        assertThat(signups.get("data").get(0).get("eventName").asText()).isEqualTo("signup");
        assertThat(get("events", "page=2&pageSize=10").get("data")).hasSize(1);
        // Small pages are found in windows at the range's end, widened as needed: page by page, they give the one list.
        StringBuilder all = new StringBuilder();
        for (JsonNode e : get("events", "pageSize=100").get("data")) all.append(e.get("id").asText()).append(' ');
        StringBuilder paged = new StringBuilder();
        for (int page = 1; page <= 6; page++) {
            for (JsonNode e : get("events", "pageSize=2&page=" + page).get("data")) paged.append(e.get("id").asText()).append(' ');
        }
        assertThat(paged.toString()).isEqualTo(all.toString());
        assertThat(all.toString().split(" ")).hasSize(11);
    }

    @Test
    void eventSeriesNeedsTimezoneAndBucketsByName() {
        var res = server.http().get("/api/websites/" + site + "/events/series?" + RANGE + "&unit=day", server.adminToken());
        assertThat(res.status()).isEqualTo(400);
        assertThat(get("events/series", "unit=day&timezone=UTC").toString()).isEqualTo(
                "[{\"x\":\"signup\",\"t\":\"2026-03-07 00:00:00\",\"y\":1},{\"x\":\"download\",\"t\":\"2026-03-08 00:00:00\",\"y\":1},"
                        + "{\"x\":\"signup\",\"t\":\"2026-03-08 00:00:00\",\"y\":1}]");
    }

    @Test
    void eventStatsCountCustomEvents() {
        assertThat(get("events/stats", "").get("data").toString()).isEqualTo(
                "{\"events\":3,\"visitors\":2,\"visits\":2,\"uniqueEvents\":2,"
                        + "\"comparison\":{\"events\":0,\"visitors\":0,\"visits\":0,\"uniqueEvents\":0}}");
    }

    @Test
    void missingRangeBadUnitOrZoneAre400() {
        String base = "/api/websites/" + site + "/stats";
        String token = server.adminToken();
        assertThat(server.http().get(base, token).status()).isEqualTo(400);
        assertThat(server.http().get(base + "?startAt=1", token).status()).isEqualTo(400);
        assertThat(server.http().get(base + "?startAt=x&endAt=2", token).status()).isEqualTo(400);
        assertThat(server.http().get(base + "?" + RANGE + "&unit=week", token).status()).isEqualTo(400);
        assertThat(server.http().get(base + "?" + RANGE + "&timezone=Mars/Olympus", token).status()).isEqualTo(400);
        assertThat(server.http().get(base + "?" + RANGE + "&compare=lastweek", token).status()).isEqualTo(400);
        assertThat(server.http().get(base + "?" + RANGE + "&segment=" + java.util.UUID.randomUUID(), token).status()).isEqualTo(400);
        assertThat(server.http().get(base + "?" + RANGE + "&cohort=nope", token).status()).isEqualTo(400);
        assertThat(server.http().get(base + "?" + RANGE + "&path=" + enc("re.(unclosed"), token).status()).isEqualTo(400);
    }

    @Test
    void injectionAttemptsNeverLeakOrFail() {
        String[] attacks = {"path=" + enc("' OR 1=1 --"), "country=" + enc("US'); DROP TABLE event; --"),
                "path=" + enc("eq.x') OR ('1'='1"), "browser=" + enc("c.%' OR '1'='1"), "timezone=" + enc("UTC'; DROP TABLE event;--"),
                "unit=" + enc("day'); --"), "type=" + enc("path; DROP TABLE event"), "limit=" + enc("1; DROP TABLE event"),
                "search=" + enc("' OR 1=1 --"), "path=" + enc("re.' OR 1=1 --"), "referrer=" + enc("\\' OR 1=1")};
        for (String endpoint : new String[]{"stats", "pageviews", "metrics", "metrics/expanded", "events", "events/series"}) {
            for (String a : attacks) {
                String q = RANGE + "&" + a + (a.startsWith("type=") ? "" : "&type=path") + "&timezone=UTC";
                if (a.startsWith("timezone=")) q = RANGE + "&" + a + "&type=path";
                var res = server.http().get("/api/websites/" + site + "/" + endpoint + "?" + q, server.adminToken());
                assertThat(res.status()).as(endpoint + " " + a).isLessThan(500);
                boolean isFilter = !a.startsWith("type=") && !a.startsWith("limit=") && !a.startsWith("unit=")
                        && !a.startsWith("timezone=") && !a.startsWith("search=");
                if (res.status() == 200 && endpoint.equals("stats") && isFilter) {
                    assertThat(res.json().get("pageviews").asLong()).as(a).isZero();
                }
            }
        }
        assertThat(server.count("SELECT count(*) FROM event")).isGreaterThan(10);
    }

    @Test
    void unknownWebsiteIsEmptyForAdminAnd401WithoutToken() {
        String unknown = java.util.UUID.randomUUID().toString();
        var res = server.http().get("/api/websites/" + unknown + "/stats?" + RANGE, server.adminToken());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("pageviews").asLong()).isZero();
        assertThat(server.http().get("/api/websites/" + site + "/stats?" + RANGE, null).status()).isEqualTo(401);
        assertThat(server.http().get("/api/websites/" + site + "/stats?" + RANGE, "bogus").status()).isEqualTo(401);
    }

    @Test
    void usersWithoutAccessGet401() throws Exception {
        var meta = server.server().stores().meta();
        meta.insertUser(new io.footfall.store.meta.User(java.util.UUID.randomUUID(), "stranger",
                io.footfall.auth.Passwords.hash("stranger-pass"), "user", Instant.now()));
        var login = server.http().post("/api/auth/login", "{\"username\":\"stranger\",\"password\":\"stranger-pass\"}", null);
        String token = login.json().get("token").asText();
        for (String endpoint : new String[]{"stats", "pageviews", "metrics?type=path&x=1", "events", "active"}) {
            String path = "/api/websites/" + site + "/" + endpoint + (endpoint.contains("?") ? "&" : "?") + RANGE;
            assertThat(server.http().get(path, token).status()).as(endpoint).isEqualTo(401);
        }
        assertThat(server.http().get("/api/realtime/" + site, token).status()).isEqualTo(401);
    }

    @Test
    void realtimeAndActiveReadTheLastMinutes() {
        String live = server.createWebsite("Live", "example.com");
        Traffic t = new Traffic(server, live);
        Instant now = Instant.now();
        t.visitor("G", CHROME_WIN, "US", null, null).view(now.minusSeconds(600).toString(), "/", "https://google.com/");
        t.visitor("F", FIREFOX_LINUX, "FR", null, null).view(now.minusSeconds(120).toString(), "/live", null)
                .event(now.minusSeconds(110).toString(), "/live", "click");
        var active = server.http().get("/api/websites/" + live + "/active", server.adminToken());
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.json().toString()).isEqualTo("{\"visitors\":1}");
        var res = server.http().get("/api/realtime/" + live, server.adminToken());
        assertThat(res.status()).isEqualTo(200);
        JsonNode j = res.json();
        assertThat(j.get("countries").toString()).isEqualTo("{\"US\":1,\"FR\":1}");
        assertThat(j.get("urls").toString()).isEqualTo("{\"/\":1,\"/live\":2}");
        assertThat(j.get("referrers").toString()).isEqualTo("{\"google.com\":1}");
        assertThat(j.get("totals").toString()).isEqualTo("{\"views\":2,\"visitors\":2,\"events\":1,\"countries\":2}");
        JsonNode events = j.get("events");
        assertThat(events).hasSize(5);
        assertThat(events.get(0).get("__type").asText()).isEqualTo("event");
        assertThat(events.get(0).get("eventName").asText()).isEqualTo("click");
        assertThat(events.get(1).get("__type").asText()).isEqualTo("pageview");
        assertThat(events.get(2).get("__type").asText()).isEqualTo("session");
        assertThat(events.get(4).get("__type").asText()).isEqualTo("session");
        assertThat(j.get("series").get("views").get(0).get("x").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z");
        assertThat(j.get("timestamp").asLong()).isGreaterThanOrEqualTo(now.toEpochMilli());
    }
}
